import type { Campaign } from "@/lib/campaign";
import { deadlineOf } from "@/lib/campaign/deadline";
import { DAY_MS } from "./schedule";

// The deadline as an iCalendar file (RFC 5545), for people who prefer no email: an
// all-day event on the last day one can still object, with an alarm the day before.
// Public and the same for everyone: no personal data.

export type CalendarText = { summary: string; description: string };

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Folds a content line to 75 octets (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const icsDate = (day: string) => day.replaceAll("-", "");
const icsInstant = (at: Date) => `${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

export function buildDeadlineIcs(campaign: Campaign, text: CalendarText, host: string): string {
  const deadline = deadlineOf(campaign);
  // "Before 27 May, 00:00" makes 26 May the last day.
  const lastDay = dayIn(campaign.deadline.timeZone, new Date(deadline.getTime() - 1));
  const nextDay = new Date(`${lastDay}T12:00:00Z`).getTime() + DAY_MS;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${escapeIcsText(host)}//reminders//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${campaign.id}-deadline@${host}`,
    // Fixed per campaign, so the file is the same on every download.
    `DTSTAMP:${icsInstant(deadline)}`,
    `DTSTART;VALUE=DATE:${icsDate(lastDay)}`,
    `DTEND;VALUE=DATE:${icsDate(new Date(nextDay).toISOString().slice(0, 10))}`,
    `SUMMARY:${escapeIcsText(text.summary)}`,
    `DESCRIPTION:${escapeIcsText(text.description)}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeIcsText(text.summary)}`,
    "TRIGGER:-P1D",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
