//! The ETag Next.js computes for a payload: a 52-bit FNV-1a hash of the payload's UTF-16 code
//! units in base 36, followed by the payload's length in UTF-16 code units, also in base 36.

/// The strong ETag (with quotes) Next.js sends for `payload`.
pub fn etag(payload: &str) -> String {
    let units: Vec<u16> = payload.encode_utf16().collect();
    format!("\"{}{}\"", base36(fnv1a52(&units)), base36(units.len() as u64))
}

/// FNV-1a over 16-bit lanes, folded into 52 bits the way Next.js's JavaScript does it.
fn fnv1a52(units: &[u16]) -> u64 {
    let (mut v0, mut v1, mut v2, mut v3): (u64, u64, u64, u64) = (0x2325, 0x8422, 0x9ce4, 0xcbf2);
    for &unit in units {
        v0 ^= u64::from(unit);
        let t0 = v0 * 435;
        let mut t1 = v1 * 435;
        let mut t2 = v2 * 435;
        let t3 = v3 * 435;
        t2 += v0 << 8;
        let t3 = t3 + (v1 << 8);
        t1 += t0 >> 16;
        v0 = t0 & 0xffff;
        t2 += t1 >> 16;
        v1 = t1 & 0xffff;
        v3 = (t3 + (t2 >> 16)) & 0xffff;
        v2 = t2 & 0xffff;
    }
    (v3 & 15) * 281_474_976_710_656 + v2 * 4_294_967_296 + v1 * 65_536 + (v0 ^ (v3 >> 4))
}

/// `n.toString(36)`.
pub(crate) fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("base-36 digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_etag_next_start_sends_for_its_500_page() {
        // Seen on `next start` 16.4.6: `ETag: "66fci67lppl"` on the body `Internal Server Error`.
        assert_eq!(etag("Internal Server Error"), "\"66fci67lppl\"");
    }

    #[test]
    fn base36_writes_like_to_string_36() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
    }

    #[test]
    fn length_suffix_counts_utf16_units() {
        assert!(etag("").ends_with("0\""));
        assert!(etag("é").ends_with("1\""));
        assert!(etag("😀").ends_with("2\""));
    }
}
