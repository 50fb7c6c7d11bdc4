// Requests outside any locale (e.g. /en-XX/...) that reach no route.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <h1>404</h1>
      </body>
    </html>
  );
}
