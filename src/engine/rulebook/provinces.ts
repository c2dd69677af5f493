/**
 * Names of Vietnam's provinces and centrally-run cities (the 63 before the 2025 merger; the 34
 * after it keep names from this list), as a title writes them after "tỉnh" or "thành phố". Used
 * only to tell that a workbook names a province other than a rulebook's.
 */
export const PROVINCES: readonly string[] = [
  "An Giang",
  "Bà Rịa - Vũng Tàu",
  "Bắc Giang",
  "Bắc Kạn",
  "Bạc Liêu",
  "Bắc Ninh",
  "Bến Tre",
  "Bình Định",
  "Bình Dương",
  "Bình Phước",
  "Bình Thuận",
  "Cà Mau",
  "Cần Thơ",
  "Cao Bằng",
  "Đà Nẵng",
  "Đắk Lắk",
  "Đắk Nông",
  "Điện Biên",
  "Đồng Nai",
  "Đồng Tháp",
  "Gia Lai",
  "Hà Giang",
  "Hà Nam",
  "Hà Nội",
  "Hà Tĩnh",
  "Hải Dương",
  "Hải Phòng",
  "Hậu Giang",
  "Hòa Bình",
  "Hưng Yên",
  "Khánh Hòa",
  "Kiên Giang",
  "Kon Tum",
  "Lai Châu",
  "Lâm Đồng",
  "Lạng Sơn",
  "Lào Cai",
  "Long An",
  "Nam Định",
  "Nghệ An",
  "Ninh Bình",
  "Ninh Thuận",
  "Phú Thọ",
  "Phú Yên",
  "Quảng Bình",
  "Quảng Nam",
  "Quảng Ngãi",
  "Quảng Ninh",
  "Quảng Trị",
  "Sóc Trăng",
  "Sơn La",
  "Tây Ninh",
  "Thái Bình",
  "Thái Nguyên",
  "Thanh Hóa",
  "Thừa Thiên Huế",
  "Huế",
  "Tiền Giang",
  "Hồ Chí Minh",
  "Trà Vinh",
  "Tuyên Quang",
  "Vĩnh Long",
  "Vĩnh Phúc",
  "Yên Bái",
];

/** The centrally-run cities ("thành phố"); every other name is a province ("tỉnh"). */
const CITIES = new Set(["Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ", "Huế"]);

/**
 * A rulebook's province as a title writes it: "thành phố Hải Phòng", "tỉnh Nam Định"; a name that
 * already says "tỉnh", "thành phố" or "TP" is kept. The automatic choice reads it back (./clues.ts).
 */
export function provinceTitle(province: string): string {
  const p = province.normalize("NFC").trim().replace(/\s+/g, " ");
  if (/^(tỉnh|thành phố|tp\.?)\s/iu.test(p)) return p;
  return `${CITIES.has(p) ? "thành phố" : "tỉnh"} ${p}`;
}
