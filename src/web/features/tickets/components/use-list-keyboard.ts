import { useHotkeys } from '@mantine/hooks';
import { type RefObject, useEffect, useState } from 'react';

interface ListKeyboard<T> {
  items: readonly T[] | undefined;
  onOpen: (item: T) => void;
  onCreate?: (() => void) | undefined;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * The list's keys, as in the tools MSP staff live in: `j`/`k` move the selection, `Enter` opens,
 * `c` creates, `/` searches. None of them fire while typing in a field (useHotkeys ignores
 * inputs, text areas and selects).
 */
export function useListKeyboard<T>({ items, onOpen, onCreate, searchRef }: ListKeyboard<T>) {
  const [selected, setSelected] = useState(0);
  const count = items?.length ?? 0;

  useEffect(() => {
    if (selected > 0 && selected >= count) setSelected(Math.max(0, count - 1));
  }, [count, selected]);

  // Keep the selected row in view as j/k move it (the row carries data-selected once rendered).
  useEffect(() => {
    if (selected < 0) return;
    const row = document.querySelector<HTMLElement>('tr[data-selected]');
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  useHotkeys([
    ['j', () => setSelected((index) => Math.min(index + 1, Math.max(0, count - 1)))],
    ['k', () => setSelected((index) => Math.max(index - 1, 0))],
    [
      'Enter',
      (event) => {
        // A focused button or link handles Enter itself.
        const target = event.target as HTMLElement | null;
        if (target?.closest('button, a, [role="button"], [role="menuitem"], [role="option"]')) return;
        const item = items?.[selected];
        if (item) onOpen(item);
      },
    ],
    ['c', () => onCreate?.()],
    [
      '/',
      (event) => {
        event.preventDefault();
        searchRef.current?.focus();
      },
      { preventDefault: true },
    ],
  ]);

  return [selected, setSelected] as const;
}
