"use server";

import { campaign } from "@/lib/campaign";
import { resolveLinkReports } from "@/lib/tracker";
import { defineOrganiserAction } from "../safe-action";
import { platformFormSchema } from "./schema";

// POST "Mark handled": closes a platform's open broken-link reports (new ones open again).
export const resolveLinkReportsAction = defineOrganiserAction(
  {
    name: "resolve-link-reports",
    schema: platformFormSchema,
    input: (form) => ({ platform: form.get("platform") }),
    target: (data) => data.platform,
  },
  async ({ platform }) => {
    const c = campaign();
    if (!c.platforms.some((p) => p.id === platform)) return { ok: false, error: "invalid" };
    return { ok: true, data: { resolved: await resolveLinkReports(c.id, platform, new Date()) } };
  },
);
