/**
 * Names for the generated tree: the 34 provinces and cities of the 2025 reform, place names for
 * districts, communes and villages, and the agencies and enterprises of the bloc committees.
 * Every name is one the documents of the field would print.
 */
import type { Rng } from '#server/demo/names.ts';

/** The 34 provinces and centrally governed cities (from 1 July 2025); `city` takes "Thành ủy". */
export const PROVINCES: readonly { name: string; city: boolean }[] = [
  { name: 'Hà Nội', city: true }, { name: 'Huế', city: true }, { name: 'Hải Phòng', city: true }, { name: 'Đà Nẵng', city: true },
  { name: 'Hồ Chí Minh', city: true }, { name: 'Cần Thơ', city: true }, { name: 'Lai Châu', city: false }, { name: 'Điện Biên', city: false },
  { name: 'Sơn La', city: false }, { name: 'Lạng Sơn', city: false }, { name: 'Quảng Ninh', city: false }, { name: 'Thanh Hóa', city: false },
  { name: 'Nghệ An', city: false }, { name: 'Hà Tĩnh', city: false }, { name: 'Cao Bằng', city: false }, { name: 'Tuyên Quang', city: false },
  { name: 'Lào Cai', city: false }, { name: 'Thái Nguyên', city: false }, { name: 'Phú Thọ', city: false }, { name: 'Bắc Ninh', city: false },
  { name: 'Hưng Yên', city: false }, { name: 'Ninh Bình', city: false }, { name: 'Quảng Trị', city: false }, { name: 'Quảng Ngãi', city: false },
  { name: 'Gia Lai', city: false }, { name: 'Khánh Hòa', city: false }, { name: 'Lâm Đồng', city: false }, { name: 'Đắk Lắk', city: false },
  { name: 'Đồng Nai', city: false }, { name: 'Tây Ninh', city: false }, { name: 'Vĩnh Long', city: false }, { name: 'Đồng Tháp', city: false },
  { name: 'Cà Mau', city: false }, { name: 'An Giang', city: false },
];

/** Place names of districts, communes and villages. */
export const PLACES: readonly string[] = [
  'Yên Sơn', 'Sơn Dương', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình', 'Tân Trào', 'Kim Bình', 'Hòa Phú', 'Vinh Quang',
  'Trung Sơn', 'Thái Bình', 'Kim Phú', 'Tràng Đà', 'Phú Lâm', 'Nhữ Khê', 'Đội Cấn', 'Lang Quán', 'Mỹ Bằng', 'Hoàng Khai',
  'Tân Long', 'Xuân Vân', 'Phúc Ninh', 'Lực Hành', 'Quý Quân', 'Chân Sơn', 'Kiến Thiết', 'Trung Trực', 'Đạo Viện', 'Công Đa',
  'Kỳ Anh', 'Kỳ Lạc', 'Kỳ Hoa', 'Kỳ Xuân', 'Kỳ Văn', 'Cẩm Xuyên', 'Thạch Hà', 'Can Lộc', 'Nghi Xuân', 'Hương Khê',
  'Hương Sơn', 'Đức Thọ', 'Vũ Quang', 'Lộc Hà', 'Hồng Lĩnh', 'Cầu Kè', 'Tiểu Cần', 'Trà Cú', 'Duyên Hải', 'Châu Thành',
  'Càng Long', 'Cầu Ngang', 'Long Hòa', 'Hòa Minh', 'Phước Hưng', 'An Quảng Hữu', 'Tập Sơn', 'Hiếu Tử', 'Hòa Lợi', 'Song Lộc',
  'Đông Anh', 'Sóc Sơn', 'Gia Lâm', 'Thanh Trì', 'Mê Linh', 'Ba Vì', 'Phúc Thọ', 'Đan Phượng', 'Hoài Đức', 'Quốc Oai',
  'Thạch Thất', 'Chương Mỹ', 'Thanh Oai', 'Thường Tín', 'Phú Xuyên', 'Ứng Hòa', 'Mỹ Đức', 'Củ Chi', 'Hóc Môn', 'Bình Chánh',
  'Nhà Bè', 'Cần Giờ', 'Thủ Đức', 'Tân Phú', 'Bình Tân', 'Gò Vấp', 'Phú Nhuận', 'Tân Bình', 'Bình Thạnh', 'Long Thành',
  'Nhơn Trạch', 'Trảng Bom', 'Thống Nhất', 'Định Quán', 'Xuân Lộc', 'Cẩm Mỹ', 'Vĩnh Cửu', 'Hòa Vang', 'Liên Chiểu', 'Cẩm Lệ',
  'Ngũ Hành Sơn', 'Sơn Trà', 'Hải Châu', 'Thanh Khê', 'Quế Sơn', 'Duy Xuyên', 'Điện Bàn', 'Đại Lộc', 'Thăng Bình', 'Núi Thành',
  'Mường Lay', 'Mường Chà', 'Tủa Chùa', 'Tuần Giáo', 'Điện Biên Đông', 'Mường Ảng', 'Nậm Pồ', 'Mai Sơn', 'Yên Châu', 'Mộc Châu',
  'Thuận Châu', 'Quỳnh Nhai', 'Bắc Yên', 'Phù Yên', 'Sông Mã', 'Sốp Cộp', 'Vân Hồ', 'Tràng Định', 'Bình Gia', 'Văn Lãng',
  'Cao Lộc', 'Văn Quan', 'Bắc Sơn', 'Hữu Lũng', 'Chi Lăng', 'Lộc Bình', 'Đình Lập', 'Vân Đồn', 'Cô Tô', 'Tiên Yên',
  'Bình Liêu', 'Đầm Hà', 'Hải Hà', 'Ba Chẽ', 'Hoành Bồ', 'Đông Triều', 'Quảng Yên', 'Uông Bí', 'Cẩm Phả', 'Móng Cái',
];

/** Agencies and enterprises whose party organisations sit under a bloc committee. */
export const AGENCIES: readonly string[] = [
  'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Dân tộc và Tôn giáo',
  'Thanh tra tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
  'Bệnh viện Đa khoa tỉnh', 'Bệnh viện Y học cổ truyền', 'Trường Chính trị tỉnh', 'Trường Cao đẳng Sư phạm',
  'Báo và Phát thanh, Truyền hình tỉnh', 'Kho bạc Nhà nước khu vực', 'Thuế tỉnh', 'Bảo hiểm xã hội tỉnh',
  'Công ty Điện lực', 'Công ty Cổ phần Cấp thoát nước', 'Công ty Cổ phần Môi trường và Dịch vụ đô thị',
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh', 'Ngân hàng Chính sách xã hội chi nhánh tỉnh',
  'Công ty Xổ số kiến thiết', 'Công ty Lâm nghiệp', 'Viễn thông tỉnh', 'Bưu điện tỉnh', 'Ban Quản lý các khu công nghiệp',
];

/** Offices within an agency: the cells of an agency's party organisation. */
export const OFFICES: readonly string[] = [
  'Văn phòng', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính', 'Thanh tra', 'Phòng Nghiệp vụ', 'Phòng Quản lý chất lượng',
  'Phòng Hành chính - Quản trị', 'Khoa Nội', 'Khoa Ngoại', 'Phòng Kỹ thuật', 'Phân xưởng sản xuất', 'Phòng Kinh doanh',
];

/** A unit name and the kind of unit it names, drawn for a grassroots organisation. */
export interface GrassrootsName {
  name: string;
  /** Whether the name says "Đảng bộ" (it has cells) or "Chi bộ". */
  withCells: boolean;
}

/** The name of a grassroots organisation under a district committee or a bloc committee. */
export function grassrootsName(rng: Rng, under: 'district' | 'bloc', withCells: boolean, i: number): string {
  if (under === 'bloc') {
    const agency = rng.pick(AGENCIES);
    return `${withCells ? 'Đảng bộ' : 'Chi bộ'} ${agency}`;
  }
  const place = rng.pick(PLACES);
  if (withCells) return rng.pick([`Đảng bộ xã ${place}`, `Đảng bộ xã ${place}`, `Đảng bộ phường ${place}`, `Đảng bộ thị trấn ${place}`]);
  return rng.pick([
    `Chi bộ Trường Tiểu học ${place}`, `Chi bộ Trường Trung học cơ sở ${place}`, `Chi bộ Trường Mầm non ${place}`,
    `Chi bộ Trạm Y tế xã ${place}`, `Chi bộ Trường Trung học phổ thông ${place}`, `Chi bộ Quân sự xã ${place}`,
    `Chi bộ Công an xã ${place}`, `Chi bộ Hợp tác xã ${place} số ${(i % 9) + 1}`,
  ]);
}

/** The name of a cell of a grassroots organisation. */
export function cellName(rng: Rng, under: 'district' | 'bloc', j: number): string {
  if (under === 'bloc') return `Chi bộ ${OFFICES[j % OFFICES.length]}`;
  return rng.chance(0.7) ? `Chi bộ thôn ${rng.pick(PLACES)}` : `Chi bộ tổ dân phố số ${j + 1}`;
}
