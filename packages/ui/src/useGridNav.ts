import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Roving tabindex for a grid (WAI-ARIA grid pattern): one cell is in the tab order, the arrow keys,
 * Home/End and PageUp/PageDown move between cells.
 */
export function useGridNav<T extends HTMLElement = HTMLTableElement>(rows: number, cols: number) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const ref = useRef<T>(null);
  const r0 = Math.min(active[0], Math.max(0, rows - 1));
  const c0 = Math.min(active[1], Math.max(0, cols - 1));

  const focusCell = useCallback((r: number, c: number) => {
    const el = ref.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
    el?.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.dataset.r === undefined || target.dataset.c === undefined) return;
      let r = Number(target.dataset.r);
      let c = Number(target.dataset.c);
      switch (e.key) {
        case 'ArrowUp': r -= 1; break;
        case 'ArrowDown': r += 1; break;
        case 'ArrowLeft': c -= 1; break;
        case 'ArrowRight': c += 1; break;
        case 'Home': c = 0; if (e.ctrlKey) r = 0; break;
        case 'End': c = cols - 1; if (e.ctrlKey) r = rows - 1; break;
        case 'PageUp': r -= 5; break;
        case 'PageDown': r += 5; break;
        default: return;
      }
      e.preventDefault();
      r = Math.max(0, Math.min(rows - 1, r));
      c = Math.max(0, Math.min(cols - 1, c));
      setActive([r, c]);
      focusCell(r, c);
    },
    [rows, cols, focusCell],
  );

  const cellProps = (r: number, c: number) => ({
    'data-r': r,
    'data-c': c,
    tabIndex: r === r0 && c === c0 ? 0 : -1,
    onFocus: () => setActive([r, c]),
  });

  return { ref, onKeyDown, cellProps, active: [r0, c0] as const, focusCell };
}
