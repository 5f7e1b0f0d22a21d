/** The forget-me form: what erasing deletes and what stays, and the one answer that confirms it. */
import type { Translate } from "../i18n/translate";
import type { Form } from "../messages/message";

export function forgetForm(t: Translate): Form {
  return {
    title: t("forget.form.title"),
    submitLabel: t("forget.form.submit"),
    request: { type: "member.forget" },
    intro: t("forget.form.intro"),
    inputs: [
      {
        kind: "select",
        name: "confirm",
        label: t("forget.field.confirm"),
        hint: t("forget.hint.confirm"),
        required: true,
        options: [{ label: t("forget.confirmOption"), value: "yes" }],
      },
    ],
  };
}
