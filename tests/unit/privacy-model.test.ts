import { describe, expect, it } from "vitest";
import { DATA_MODEL } from "@/lib/privacy/data-model";
import { exportDocumentation } from "@/lib/privacy/documentation";
import { deleteAccountFormValues, deleteAccountSchema } from "@/lib/privacy/schema";
import privacy from "@/messages/en/privacy.json";

describe("privacy policy messages", () => {
  it("describe every table of the data model, and every retention rule it uses", () => {
    const tables = privacy.privacy.tables as Record<string, { title: string; what: string; why: string }>;
    const retention = privacy.privacy.retention as Record<string, string>;
    for (const table of DATA_MODEL) {
      expect(tables[table.key]?.title, table.table).toBeTruthy();
      expect(tables[table.key]?.what, table.table).toBeTruthy();
      expect(tables[table.key]?.why, table.table).toBeTruthy();
      for (const rule of table.retention) expect(retention[rule], rule).toBeTruthy();
    }
    expect(Object.keys(tables).sort()).toEqual(DATA_MODEL.map((t) => t.key).sort());
  });

  it("documents every section of the export", () => {
    const docs = exportDocumentation("en");
    expect(Object.keys(docs).sort()).toEqual(["format", ...DATA_MODEL.map((t) => t.table)].sort());
  });
});

describe("delete account form", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.append(k, v);
    return data;
  };

  it("needs the confirmation tick", () => {
    expect(
      deleteAccountSchema.safeParse(deleteAccountFormValues(form({ locale: "en", confirm: "yes" }))).success,
    ).toBe(true);
    const missing = deleteAccountSchema.safeParse(deleteAccountFormValues(form({ locale: "en" })));
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toBe("confirm_required");
  });

  it("refuses garbage", () => {
    for (const value of ["", "YES", "<script>", "' OR 1=1", "yes ", "\u0000", "y".repeat(10_000)]) {
      expect(
        deleteAccountSchema.safeParse(deleteAccountFormValues(form({ locale: "en", confirm: value })))
          .success,
      ).toBe(false);
      expect(
        deleteAccountSchema.safeParse(deleteAccountFormValues(form({ locale: value, confirm: "yes" })))
          .success,
      ).toBe(false);
    }
  });
});
