/** An officer on a shift. `pinned` mirrors a Scenario pin so a re-solve keeps it. */
export interface Assignment {
  officerId: string;
  shiftId: string;
  pinned?: boolean;
}

/** Officer-hours of patrol a shift's officers give to a hotspot. */
export interface Deployment {
  hotspotId: string;
  shiftId: string;
  officerHours: number;
}

/** The decision: who works which shift, and where their patrol hours go. */
export interface Rota {
  scenarioId: string;
  assignments: Assignment[];
  deployments: Deployment[];
}
