import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { DocumentPage } from './DocumentPage.tsx';
import { DocumentsPage } from './DocumentsPage.tsx';
import { ImportDocumentPage } from './ImportDocumentPage.tsx';
import { ReviewDocumentPage } from './ReviewDocumentPage.tsx';

/** The pages of the documents module, under /documents. */
export function DocumentsRoutes() {
  return (
    <Routes>
      <Route index element={<DocumentsPage />} />
      <Route path="import" element={<ImportDocumentPage />} />
      <Route path=":id" element={<DocumentPage />} />
      <Route path=":id/review" element={<ReviewDocumentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
