"use client";

import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { buttonClass as variantClass } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { describedBy, inputClass } from "@/components/ui/field";
import { useTranslations } from "@/lib/i18n/client";
import { buildShareLinks, mastodonShareUrl, messageWithLink, type ShareTarget } from "@/lib/referrals/share";

type Props = {
  /** The personal link, absolute. */
  url: string;
  /** More, folded with the other ways to share (the QR code). */
  extra?: ReactNode;
  message: string;
  subject: string;
};

// Links that leave for an app rather than a web page stay in the same tab.
const SAME_TAB: ReadonlySet<ShareTarget> = new Set(["email", "messenger"]);

const buttonClass = variantClass({ variant: "secondary" });

/**
 * The share sheet: WhatsApp, the phone's own share sheet ("Share…", only where the
 * browser has one) and "Copy link" first; every other way folded away. Plain links to
 * each service (nothing is loaded from them until a link is clicked). Works without
 * JavaScript, except the buttons that need it. Messenger's link opens its app, so it
 * is offered on touch screens only (on a desktop it did nothing).
 */
export function ShareSheet({ url, message, subject, extra }: Props) {
  const t = useTranslations("referrals.share");
  const id = useId();
  const [canShare, setCanShare] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  const [isTouch, setIsTouch] = useState(false);
  const [status, setStatus] = useState("");
  const [instance, setInstance] = useState("");
  const [instanceError, setInstanceError] = useState<string>();

  useEffect(() => {
    setCanShare(typeof navigator.share === "function");
    setCanCopy(typeof navigator.clipboard?.writeText === "function");
    setIsTouch(window.matchMedia("(pointer: coarse)").matches);
  }, []);

  const links = buildShareLinks({ url, message, subject });
  const whatsapp = links.find((link) => link.target === "whatsapp");
  const others = links.filter(
    (link) => link.target !== "whatsapp" && (link.target !== "messenger" || isTouch),
  );
  const text = messageWithLink({ message, url });

  async function copy(value: string, done: string) {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(done);
    } catch {
      setStatus(t("copyFailed"));
    }
  }

  async function share() {
    try {
      await navigator.share({ title: subject, text: message, url });
    } catch {
      // Closing the dialog rejects too: nothing to report.
    }
  }

  function shareOnMastodon(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = mastodonShareUrl(instance, { message, url });
    if (!target) {
      setInstanceError(t("mastodonInvalid"));
      return;
    }
    setInstanceError(undefined);
    window.open(target, "_blank", "noopener,noreferrer");
  }

  const linkId = `${id}-link`;
  const mastodonId = `${id}-mastodon`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={linkId} className="font-semibold">
          {t("linkLabel")}
        </label>
        <input
          id={linkId}
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono`}
        />
      </div>

      <div className="flex flex-wrap gap-3">
        {whatsapp && (
          <a
            href={whatsapp.href}
            target="_blank"
            rel="noopener noreferrer"
            className={variantClass({ variant: "success", size: "lg" })}
            data-share="whatsapp"
          >
            {t("shareOn", { service: t("whatsapp") })}
            <span className="sr-only"> {t("newTab")}</span>
          </a>
        )}
        {canShare && (
          <button type="button" onClick={share} className={variantClass({ size: "lg" })}>
            {t("nativeShare")}
          </button>
        )}
        {canCopy && (
          <button
            type="button"
            onClick={() => copy(url, t("copied"))}
            className={variantClass({ variant: "secondary", size: "lg" })}
          >
            {t("copy")}
          </button>
        )}
      </div>
      <p role="status" className="min-h-6 text-sm font-semibold text-success-900">
        {status}
      </p>

      <Disclosure summary={t("more")}>
        {canCopy && (
          <div>
            <button type="button" onClick={() => copy(text, t("signalCopied"))} className={buttonClass}>
              {t("signal")}
            </button>
          </div>
        )}
        <ul className="flex flex-wrap gap-3" aria-label={t("title")}>
          {others.map((link) => (
            <li key={link.target}>
              <a
                href={link.href}
                {...(SAME_TAB.has(link.target) ? {} : { target: "_blank", rel: "noopener noreferrer" })}
                aria-label={
                  link.target === "messenger"
                    ? `${t("shareOn", { service: t("messenger") })} (${t("messengerHint")})`
                    : undefined
                }
                className={buttonClass}
                data-share={link.target}
              >
                {link.target === "messenger" ? t("messenger") : t("shareOn", { service: t(link.target) })}
                {!SAME_TAB.has(link.target) && <span className="sr-only"> {t("newTab")}</span>}
              </a>
            </li>
          ))}
        </ul>

        <form onSubmit={shareOnMastodon} noValidate className="flex flex-col gap-1">
          <label htmlFor={mastodonId} className="font-semibold">
            {t("mastodonLabel")}
          </label>
          <p id={`${mastodonId}-hint`} className="text-sm text-ink-subtle">
            {t("mastodonHint")}
          </p>
          {instanceError && (
            <p id={`${mastodonId}-error`} className="text-sm font-semibold text-danger">
              {instanceError}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <input
              id={mastodonId}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={instance}
              onChange={(e) => setInstance(e.target.value)}
              className={`${inputClass} sm:w-64`}
              {...describedBy(mastodonId, { hint: true, error: instanceError })}
            />
            <button type="submit" className={buttonClass}>
              {t("mastodonSubmit")}
            </button>
          </div>
        </form>
        {extra}
      </Disclosure>
    </div>
  );
}
