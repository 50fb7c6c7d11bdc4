// About as much HTML as the app's landing page: the reference pages differ from it
// only in what the app does per request, not in bytes to send.
const PARAGRAPHS = Number(process.env.BARE_PARAGRAPHS ?? 120);
const IDS = Array.from({ length: PARAGRAPHS }, (_, i) => `paragraph-${i}`);

export function Content({ title }: { title: string }) {
  return (
    <main>
      <h1>{title}</h1>
      {IDS.map((id) => (
        <p key={id}>
          {id}: people in the EU and EEA can object to their public posts being used to train AI models,
          through each platform&apos;s official form, before the deadline.
        </p>
      ))}
    </main>
  );
}
