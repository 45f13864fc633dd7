//! Round trips: what the build writes, the library reads back unchanged.

use super::*;
use crate::capability::Flags;
use crate::date::Date;
use crate::key::MatchKind;
use crate::price::{LongContextPricing, Price, Pricing};

#[test]
fn records_read_back_as_written() {
    let m = ModelRecord {
        index: 7,
        provider: 2,
        id: 11,
        upstream_id: 12,
        name: 13,
        vendor: NONE,
        family: 14,
        extra: 3,
        context_window: 128_000,
        max_output_tokens: 16_384,
        pricing: 5,
        release_date: date_to_u32(Date::from_ymd(2024, 5, 13)),
        retires: 0,
        list_at: 40,
        aliases_len: 2,
        offers_len: 1,
        flags: 0b10_01_00_10,
        input_modalities: 0b11,
        output_modalities: 0b1,
        bits: ModelRecord::CONTEXT | ModelRecord::DEPRECATED,
    };
    let mut out = vec![0xAA];
    m.write(&mut out);
    assert_eq!(out.len(), 1 + ModelRecord::SIZE);
    assert_eq!(ModelRecord::read(&out, 1), m);
    // Fourteen `u32`s, two `u16`s of counts and four bytes of flags.
    assert_eq!(ModelRecord::SIZE, 64);

    let x = ExtraRecord {
        description: 1,
        category: NONE,
        knowledge_cutoff: 2,
        successor: 3,
        notes: NONE,
        distillation: 0,
        fine_tune_pricing: 6,
        served_at: 9,
        served_len: 3,
        tags_at: 44,
        tags_len: 2,
        max_input_tokens: 272_000,
    };
    let mut out = vec![0xAA, 0xBB];
    x.write(&mut out);
    assert_eq!(out.len(), 2 + ExtraRecord::SIZE);
    assert_eq!(ExtraRecord::read(&out, 2), x);

    let s = Slot {
        words: [1, 2, u64::MAX, 4],
        upstream_at: 99,
        index: 3,
        len: 256,
        upstream_len: 17,
        home: 4,
        kind: MatchKind::ServedName,
        before: Slot::BEFORE_SLASH,
    };
    let mut out = Vec::new();
    s.write(&mut out);
    assert_eq!(out.len(), SLOT_SIZE);
    assert_eq!(SlotBytes::nth(&out, 0).map(SlotBytes::slot), Some(s));
    assert!(SlotBytes::nth(&out, 1).is_none());
    let mut two = out.clone();
    Slot::EMPTY.write(&mut two);
    assert_eq!(
        SlotBytes::nth(&two, 1).map(SlotBytes::slot),
        Some(Slot::EMPTY)
    );
    assert!(SlotBytes::nth(&two, usize::MAX).is_none());
    for k in [
        MatchKind::Id,
        MatchKind::UpstreamId,
        MatchKind::Alias,
        MatchKind::ServedName,
        MatchKind::PassThrough,
        MatchKind::FineTune,
    ] {
        let mut out = Vec::new();
        Slot { kind: k, ..s }.write(&mut out);
        assert_eq!(SlotBytes::nth(&out, 0).map(SlotBytes::kind), Some(k));
    }
}

/// A table of values as the build keeps one: each value once, numbered in the order added,
/// at most `cap` of them.
fn numbering(values: &mut Vec<u64>, cap: usize) -> impl FnMut(u64) -> Option<u16> + '_ {
    move |v| match values.iter().position(|&x| x == v) {
        Some(i) => u16::try_from(i).ok(),
        None if values.len() < cap => {
            values.push(v);
            u16::try_from(values.len() - 1).ok()
        }
        None => None,
    }
}

#[test]
fn pricings_are_runs_that_number_their_prices() {
    let p = |s: &str| s.parse::<Price>().unwrap();
    let (mut units, mut values) = (Vec::new(), Vec::new());
    // USD per million tokens are micro-dollars per million, picodollars per token.
    let plain = Pricing::new().input(p("2.5")).output(p("10"));
    write_pricing(&plain, &mut units, numbering(&mut values, 100)).unwrap();
    assert_eq!(units, [0b11, 0, 1]);
    assert_eq!(values, [2_500_000, 10_000_000]);
    // A price met before is not added again; a tier's threshold follows the first unit.
    let tiered = Pricing::new()
        .input(p("10"))
        .cache_read(p("0.075"))
        .long_context(LongContextPricing::new(272_000).input(p("2.5")));
    write_pricing(&tiered, &mut units, numbering(&mut values, 100)).unwrap();
    // 272,000 = 0x0004_2680.
    assert_eq!(
        units[3..],
        [1 << 11 | 1 << 5 | 0b101, 0x2680, 0x0004, 1, 2, 0]
    );
    assert_eq!(values, [2_500_000, 10_000_000, 75_000]);
    // The one-hour cache write is bit 9, after the tier's prices.
    let hour = Pricing::new().cache_write(p("3.75")).cache_write_1h(p("6"));
    write_pricing(&hour, &mut units, numbering(&mut values, 100)).unwrap();
    assert_eq!(units[9..], [1 << 9 | 1 << 3, 3, 4]);
    assert_eq!(values[3..], [3_750_000, 6_000_000]);
    assert_eq!(read_pricing(&units, &values, 0), Some(plain));
    assert_eq!(read_pricing(&units, &values, 3), Some(tiered));
    assert_eq!(read_pricing(&units, &values, 9), Some(hour));
}

#[test]
fn pricings_read_back_as_written() {
    let p = |s: &str| s.parse::<Price>().unwrap();
    let every = Pricing::new()
        .input(p("0"))
        .output(p("999999999.999999"))
        .cache_read(p("0.000001"))
        .cache_write(p("3.75"))
        .reasoning(p("60"))
        .long_context(
            LongContextPricing::new(u32::MAX)
                .input(p("5"))
                .output(p("22.5"))
                .cache_read(p("0.5"))
                .cache_write(p("6.25")),
        );
    let pricings = [
        Pricing::new(),
        Pricing::new().input(p("2.5")).output(p("10")),
        Pricing::new()
            .input(p("0"))
            .cache_read(p("0.075"))
            .cache_write(p("3.75"))
            .reasoning(p("60"))
            .long_context(LongContextPricing::new(200_000).output(p("22.5"))),
        Pricing::new().long_context(LongContextPricing::new(272_000)),
        Pricing::new().long_context(LongContextPricing::new(0).cache_write(p("1"))),
        every,
    ];
    let (mut units, mut values) = (Vec::new(), Vec::new());
    let mut starts = Vec::new();
    for pricing in &pricings {
        starts.push(units.len());
        write_pricing(pricing, &mut units, numbering(&mut values, 100)).unwrap();
    }
    for (pricing, at) in pricings.iter().zip(&starts) {
        assert_eq!(read_pricing(&units, &values, *at).as_ref(), Some(pricing));
    }
    // Every price known and a tier: 1 + 2 + 9 units.
    assert_eq!(units.len() - starts[5], 12);

    // A run cut short, a number past the values, a start past the units: `None`.
    for end in starts[5]..units.len() {
        assert_eq!(read_pricing(&units[..end], &values, starts[5]), None);
    }
    assert_eq!(
        read_pricing(&units, &values[..values.len() - 1], starts[5]),
        None
    );
    assert_eq!(read_pricing(&units, &values, units.len()), None);

    // A full table of values: no run written, the units as they were.
    let (mut units, mut values) = (vec![7u16], Vec::new());
    assert_eq!(
        write_pricing(&every, &mut units, numbering(&mut values, 3)),
        None
    );
    assert_eq!(units, [7]);
}

#[test]
fn dates_and_flags_read_back() {
    for d in [None, Date::from_ymd(1, 1, 1), Date::from_ymd(2026, 9, 28)] {
        assert_eq!(date_from_u32(date_to_u32(d)), d);
    }
    let flags = [
        Flags::new(),
        Flags::new().tools(true),
        Flags::new().parallel_tools(false).structured_output(true),
        Flags::new()
            .tools(false)
            .parallel_tools(true)
            .reasoning(false)
            .structured_output(false),
    ];
    for f in flags {
        assert_eq!(flags_from_u8(flags_to_u8(&f)), f);
    }
}

#[test]
fn sections_are_found_where_written() {
    let mut sections: [(usize, Vec<u8>); Section::COUNT] = Default::default();
    sections[Section::Lists as usize] = (
        3,
        [5u32, 6, 7].iter().flat_map(|x| x.to_le_bytes()).collect(),
    );
    sections[Section::ModelPilots as usize] = (2, vec![1, 0, 2, 0]);
    let blob = write_blob(&sections);
    assert_eq!(read_u32s::<3>(&blob, Section::Lists), [5, 6, 7]);
    assert_eq!(read_u16s::<2>(&blob, Section::ModelPilots), [1, 2]);
    assert_eq!(section(&blob, Section::Offers).1, 0);
    assert_eq!(
        section_bytes::<0>(&blob, Section::ModelSlots, SLOT_SIZE),
        [0u8; 0]
    );
    let lists: [u8; 12] = section_bytes(&blob, Section::Lists, 4);
    assert_eq!(
        (0..4).map(|i| u32_in(&lists, i)).collect::<Vec<_>>(),
        [Some(5), Some(6), Some(7), None]
    );
    // Indexes whose byte offset would wrap around to an entry: none.
    for i in [
        usize::MAX,
        usize::MAX / 4 + 1,
        (usize::MAX / 4 + 1) * 2,
        3 << 62,
    ] {
        assert_eq!(u32_in(&lists, i), None, "{i}");
    }
}

/// Strings behind their headers read back, at each header size's bounds; the table stays
/// UTF-8 with strings of several-byte characters; a string too long for a header is refused
/// and leaves the table as it was; a header cut short reads as nothing.
#[test]
fn strings_read_back_behind_their_headers() {
    let mut table = String::new();
    let mut written = Vec::new();
    for len in [0, 1, 63, 64, 65, 4095, 4096, 4097, MAX_STRING_LEN] {
        let s = "k".repeat(len);
        written.push((push_string(&mut table, &s).expect("fits a header"), s));
    }
    for s in ["é", "模型", "gpt-4o"] {
        written.push((
            push_string(&mut table, s).expect("fits a header"),
            s.to_owned(),
        ));
    }
    for (n, s) in &written {
        let (at, len) = string_at(table.as_bytes(), *n).expect("a header");
        assert_eq!(&table[at..at + len], s);
    }
    // Headers: one byte up to 63, two up to 4,095, three beyond.
    let header = |k: usize| written[k + 1].0 - written[k].0 - written[k].1.len();
    assert_eq!([header(2), header(3), header(5), header(6)], [1, 2, 2, 3]);

    let before = table.clone();
    assert_eq!(
        push_string(&mut table, &"k".repeat(MAX_STRING_LEN + 1)),
        None
    );
    assert_eq!(table, before);

    let big = written[8].0;
    for cut in 0..3 {
        assert_eq!(
            string_at(&table.as_bytes()[..big + cut], big),
            None,
            "{cut}"
        );
    }
    assert_eq!(string_at(table.as_bytes(), table.len()), None);
    assert_eq!(string_at(table.as_bytes(), usize::MAX), None);
}
