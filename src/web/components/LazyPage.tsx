import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { PageLoader } from './PageLoader.tsx';

/** A lazily loaded page outside the app shell, with a spinner while its code arrives. */
export function LazyPage({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}
