/**
 * Imported before anything loads React: the dashboard renders with React's production build (several
 * times cheaper per frame than the development build) unless NODE_ENV already says otherwise.
 */
process.env.NODE_ENV ??= 'production';
