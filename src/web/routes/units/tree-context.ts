import { createContext, useContext } from 'react';

export interface TreeState {
  /** The date the tree is shown at (YYYY-MM-DD), or null for today's tree. */
  on: string | null;
  /** The item that takes Tab focus (roving tabindex). */
  activeId: string | null;
  setActiveId: (id: string) => void;
}

export const TreeContext = createContext<TreeState>({ on: null, activeId: null, setActiveId: () => {} });

export function useTreeState(): TreeState {
  return useContext(TreeContext);
}
