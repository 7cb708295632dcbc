import { ModuleRoutes } from '../../components/ModuleRoutes.tsx';
import { DocumentPage } from './DocumentPage.tsx';
import { DocumentsPage } from './DocumentsPage.tsx';
import { ImportDocumentPage } from './ImportDocumentPage.tsx';
import { ReviewDocumentPage } from './ReviewDocumentPage.tsx';

/** The pages of the documents module, under /documents. */
export function DocumentsRoutes() {
  return <ModuleRoutes pages={{ '': <DocumentsPage />, import: <ImportDocumentPage />, ':id': <DocumentPage />, ':id/review': <ReviewDocumentPage /> }} />;
}
