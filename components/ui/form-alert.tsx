/** A form's error, announced where it happened (role="alert"); renders nothing without one. */
export function FormAlert({ message, id, isSmall }: { message?: string; id?: string; isSmall?: boolean }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={`${isSmall ? "text-sm " : ""}font-semibold text-danger`}>
      {message}
    </p>
  );
}
