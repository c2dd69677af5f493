import { toA1 } from "../a1";
import { formatMessage, formatNumber } from "../i18n";
import { parseCreditNote } from "../notes/parse";
import { expectedUnitPrice } from "../plan/expect";
import type { Rule } from "./api";
import { hasCounts, lineRows, rowCourse, rowLabel, tablesOf } from "./util";
import { round, within } from "../numbers/arith";
import { offeringFor } from "../plan/lookup";

/** How the rulebook's price is reached, in the message's language: per person, or per credit × credits. */
const HOW = {
  perPerson: { vi: "{price} đ/người", en: "{price} VND/person" },
  perCredit: { vi: "{price} đ/tín chỉ × {credits} tín chỉ", en: "{price} VND/credit × {credits} credits" },
};

/**
 * A per-credit note as it should read. The Vietnamese one is also the `expected` text to type into
 * the (Vietnamese) cell, whatever language the report is in; the English one words it in messages.
 */
const CREDIT_NOTE = {
  vi: "{price}đ/tín chỉ x {credits} tín chỉ",
  en: "{price} VND/credit x {credits} credits",
};

/** Each course has a unit price per year in the rulebook; degree upgrades are priced per credit. */
export const unitPrice: Rule = {
  meta: {
    id: "unit-price",
    title: { vi: "Đơn giá theo sổ quy tắc", en: "Unit price per the rulebook" },
    rationale: {
      vi: "Đơn giá mỗi nội dung trong từng năm do kế hoạch quy định (ví dụ 1,5 hoặc 2 triệu đồng/người; đào tạo nâng chuẩn tính theo tín chỉ: 442.000 đ/tín chỉ × số tín chỉ của năm). Đơn giá sai làm sai cả thành tiền và tổng kinh phí.",
      en: "Each course's unit price per year is set by the plan (e.g. 1.5 or 2 million VND per person; degree upgrades per credit: 442,000 VND per credit × the year's credits). A wrong price makes the amount and the plan total wrong.",
    },
    defaultSeverity: "error",
    messages: {
      mismatch: {
        vi: 'Đơn giá của "{label}" năm {year} là {actual}, sổ quy tắc quy định {expected} ({how}).',
        en: 'The unit price of "{label}" in {year} is {actual}; the rulebook sets {expected} ({how}).',
      },
      missing: {
        vi: 'Dòng "{label}" có số người nhưng chưa có đơn giá; sổ quy tắc quy định {expected} ({how}).',
        en: '"{label}" has head-counts but no unit price; the rulebook sets {expected} ({how}).',
      },
      note: {
        vi: 'Ghi chú "{note}" không khớp sổ quy tắc: {expected}.',
        en: 'The note "{note}" does not match the rulebook: {expected}.',
      },
      noteProduct: {
        vi: 'Ghi chú "{note}" cho đơn giá {product}, nhưng ô đơn giá ghi {actual}.',
        en: 'The note "{note}" gives a unit price of {product}, but the price cell says {actual}.',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost")) {
      if (table.columns.unitPrice === undefined) continue;
      for (const row of lineRows(table)) {
        const course = rowCourse(ctx, row);
        const offering = offeringFor(course, table.year);
        if (!course || !offering) continue;
        const priceDong = expectedUnitPrice(course, offering);
        const subject = { course: course.id };
        if (priceDong !== undefined) {
          const expected = priceDong / table.scale;
          const how =
            course.pricing.type === "per-credit"
              ? ctx.text(HOW.perCredit, {
                  price: ctx.num(course.pricing.pricePerCredit),
                  credits: String(offering.credits),
                })
              : ctx.text(HOW.perPerson, { price: ctx.num(priceDong) });
          const data = { label: rowLabel(row), year: offering.year, expected: ctx.num(expected), how };
          if (!row.unitPrice) {
            if (hasCounts(row)) {
              const cell = toA1(row.r, table.columns.unitPrice);
              ctx.report({
                table,
                messageId: "missing",
                data,
                cells: [cell],
                expected,
                actual: null,
                fix: { cell, value: expected },
                subject,
              });
            }
          } else if (!within(row.unitPrice.value, expected, 1e-9)) {
            ctx.report({
              table,
              messageId: "mismatch",
              data: { ...data, actual: ctx.num(row.unitPrice.value) },
              cells: [row.unitPrice.cell],
              expected,
              actual: row.unitPrice.value,
              ...(row.unitPrice.formula ? {} : { fix: { cell: row.unitPrice.cell, value: expected } }),
              subject,
            });
          }
        }
        // The note of a per-credit line ("442.000đ/tín chỉ x 30 tín chỉ") must agree too.
        if (course.pricing.type === "per-credit" && row.note) {
          const n = parseCreditNote(row.note.text);
          if (!n) continue;
          const wantPrice = course.pricing.pricePerCredit;
          const wantCredits = offering.credits;
          if (n.pricePerCredit !== wantPrice || (wantCredits !== undefined && n.credits !== wantCredits)) {
            ctx.report({
              table,
              messageId: "note",
              data: {
                note: row.note.text,
                // In the message, in the reader's words; the field below is what to type.
                expected: ctx.text(CREDIT_NOTE, { price: ctx.num(wantPrice), credits: wantCredits ?? "?" }),
              },
              cells: [row.note.cell],
              // The text to type into the Vietnamese cell, the same whatever language the report is in.
              expected: formatMessage(CREDIT_NOTE.vi, {
                price: formatNumber(wantPrice, "vi"),
                credits: wantCredits ?? "?",
              }),
              actual: row.note.text,
              subject: { ...subject, detail: "note" },
            });
          } else if (
            row.unitPrice &&
            !within(row.unitPrice.value, (n.pricePerCredit * n.credits) / table.scale, 1e-9)
          ) {
            ctx.report({
              table,
              messageId: "noteProduct",
              data: {
                note: row.note.text,
                product: ctx.num(round((n.pricePerCredit * n.credits) / table.scale, 6)),
                actual: ctx.num(row.unitPrice.value),
              },
              cells: [row.unitPrice.cell, row.note.cell],
              expected: (n.pricePerCredit * n.credits) / table.scale,
              actual: row.unitPrice.value,
              subject: { ...subject, detail: "note-product" },
            });
          }
        }
      }
    }
  },
};
