import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Pin, Scenario } from '../types.js';
import { horizonShifts, longDate, officerLabel, pinKey } from '../model.js';

export interface CellMenuProps {
  scenario: Scenario;
  officerId: string;
  date: string;
  anchor: DOMRect;
  pins: Pin[];
  /** Shift ids the officer works that day in the rota shown. */
  assigned: string[];
  /** False until there is a rota to pin against. */
  canPin: boolean;
  onPin: (shiftId: string, kind: 'on' | 'off') => void;
  onUnpin: (shiftId: string) => void;
  onAbstraction: () => void;
  onClose: () => void;
}

interface Item {
  label: string;
  run: () => void;
  disabled?: boolean;
}

/** The menu of one rota cell: pin on / pin off / unpin each Shift of the day, or mark an abstraction. */
export function CellMenu(props: CellMenuProps) {
  const { scenario, officerId, date, anchor, pins, assigned, canPin, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const officer = scenario.officers.find((o) => o.id === officerId);
  const types = new Map(scenario.shiftTypes.map((t) => [t.id, t]));
  const day = horizonShifts(scenario).filter((s) => s.date === date);
  const pinOf = new Map(pins.map((p) => [pinKey(p.officerId, p.shiftId), p.kind]));

  const items: Item[] = day.flatMap((s) => {
    const name = types.get(s.shiftTypeId)?.name ?? s.shiftTypeId;
    const kind = pinOf.get(pinKey(officerId, s.id));
    const on = assigned.includes(s.id);
    const list: Item[] = [];
    if (kind !== 'on') list.push({ label: `Pin on ${name}${on ? ' (keep)' : ''}`, run: () => props.onPin(s.id, 'on'), disabled: !canPin });
    if (kind !== 'off') list.push({ label: `Pin off ${name}${on ? '' : ' (keep off)'}`, run: () => props.onPin(s.id, 'off'), disabled: !canPin });
    if (kind) list.push({ label: `Unpin ${name} (pinned ${kind})`, run: () => props.onUnpin(s.id), disabled: !canPin });
    return list;
  });
  items.push({ label: 'Mark sick or on leave…', run: props.onAbstraction });

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const outside = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const all = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const i = all.indexOf(document.activeElement as HTMLElement);
    const move = (n: number) => all[(i + n + all.length) % all.length]?.focus();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      all[0]?.focus();
    } else if (e.key === 'End') {
      e.preventDefault();
      all[all.length - 1]?.focus();
    }
  };

  const top = Math.min(anchor.bottom + 4, (typeof window !== 'undefined' ? window.innerHeight : 800) - 40 * (items.length + 1));
  const left = Math.min(anchor.left, (typeof window !== 'undefined' ? window.innerWidth : 1280) - 260);
  const title = `${officer ? officerLabel(officer) : officerId}, ${longDate(date)}`;

  return (
    <div ref={ref} className="cell-menu" role="menu" aria-label={title} style={{ top: Math.max(8, top), left: Math.max(8, left) }} onKeyDown={onKeyDown}>
      <div className="menu-title" aria-hidden="true">{title}</div>
      {!canPin && <div className="menu-note">Solve first to pin.</div>}
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={it.disabled || undefined}
          onClick={() => {
            if (it.disabled) return;
            it.run();
            onClose();
          }}
        >
          {it.label}
        </button>
      ))}
    </div>
  );
}
