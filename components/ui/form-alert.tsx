import type { ReactNode } from "react";
import { Card, type CardPadding } from "./card";

/** A form's error, announced where it happened (role="alert"); renders nothing without one. */
export function FormAlert({ message, id, isSmall }: { message?: string; id?: string; isSmall?: boolean }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={`${isSmall ? "text-sm " : ""}font-semibold text-danger`}>
      {message}
    </p>
  );
}

/** What just went right ("Saved", "Sent again"), announced politely (role="status"). */
export function StatusNotice({
  children,
  padding = "sm",
  className = "",
}: {
  children: ReactNode;
  padding?: CardPadding;
  className?: string;
}) {
  return (
    <Card
      as="p"
      role="status"
      tone="success"
      variant="soft"
      padding={padding}
      className={`font-semibold text-success-900 ${className}`.trim()}
    >
      {children}
    </Card>
  );
}
