import { Card } from "@/components/ui/card";

/** Labelled figures as a definition list, two columns on a phone. */
export function FigureList({ items }: { items: { key: string; label: string; value: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <Card key={item.key} padding="sm">
          <dt className="text-sm text-ink-muted">{item.label}</dt>
          <dd className="text-2xl font-bold">{item.value}</dd>
        </Card>
      ))}
    </dl>
  );
}
