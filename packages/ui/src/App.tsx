import { useState } from 'react';
import { useSession } from './useSession.js';
import { ScenarioBar } from './components/ScenarioBar.js';
import { Tabs } from './components/Tabs.js';
import { RotaView } from './components/RotaView.js';
import { WhatIfPanel } from './components/WhatIfPanel.js';
import { ScenarioEditor } from './components/ScenarioEditor.js';
import { IssueSummary } from './components/IssueSummary.js';
import type { WhatIfRun } from './types.js';

type TabId = 'rota' | 'whatif' | 'scenario';
const TABS: { id: TabId; label: string }[] = [
  { id: 'rota', label: 'Rota' },
  { id: 'whatif', label: 'What-if' },
  { id: 'scenario', label: 'Scenario' },
];

/** patrolplan: draft the rota, see the harm picture beside it, ask what extra officers buy. */
export function App() {
  const session = useSession();
  const { record, actions } = session;
  const [tab, setTab] = useState<TabId>('rota');
  const [runs, setRuns] = useState<WhatIfRun[]>([]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <h1>patrolplan</h1>
        <ScenarioBar
          scenarios={session.scenarios}
          currentId={record?.id}
          busy={session.busy}
          onOpen={(id) => void actions.open(id)}
          onImport={(s) => void actions.importScenario(s)}
        />
        <Tabs tabs={TABS} current={tab} onChange={setTab} label="Views" />
      </header>
      <div className="messages">
        {session.notice && (
          <p className="notice" role="status">
            {session.notice} <button type="button" className="link" onClick={actions.dismiss} aria-label="Dismiss message">×</button>
          </p>
        )}
        {session.problem && tab !== 'scenario' && <IssueSummary problem={session.problem} scenario={record?.scenario ?? null} />}
      </div>
      <main id="main">
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'rota' && <RotaView session={session} />}
          {tab === 'whatif' &&
            (record ? (
              <WhatIfPanel scenarioId={record.id} scenario={record.scenario} runs={runs} onRun={(r) => setRuns((xs) => [...xs, r])} />
            ) : (
              <p className="empty">Choose a scenario first.</p>
            ))}
          {tab === 'scenario' &&
            (record ? (
              <ScenarioEditor key={`${record.id}@${record.version}`} record={record} onSaved={actions.saved} onReload={() => void actions.open(record.id)} />
            ) : (
              <p className="empty">Choose a scenario first.</p>
            ))}
        </div>
      </main>
    </div>
  );
}
