import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The pages of one module under its own path, by path ('' the module's first page); any other path is "page not found". */
export function ModuleRoutes({ pages }: { pages: Record<string, ReactElement> }) {
  return (
    <Routes>
      {Object.entries(pages).map(([path, element]) => (path === '' ? <Route key="" index element={element} /> : <Route key={path} path={path} element={element} />))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
