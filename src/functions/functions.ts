/**
 * =DEAN.* custom functions. Plain exported functions: the JSDoc tags generate functions.json
 * (custom-functions-metadata), and the same functions run in Node for tests.
 */
import { amountInWords } from "../engine/numbers/words";

/**
 * Số tiền bằng chữ, như ghi dưới bảng kinh phí ("Một trăm bảy mươi chín tỷ … đồng").
 * @customfunction WORDS
 * @param amount Số tiền, tính bằng đồng.
 * @returns Số tiền bằng chữ.
 */
export function words(amount: number): string {
  return amountInWords(amount);
}
