/** A country's name in `locale` ("ZZ", outside the EU/EEA, gets `outsideLabel`). */
export function countryNamer(locale: string, outsideLabel: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return (code) => (code === "ZZ" ? outsideLabel : (names.of(code) ?? code));
}
