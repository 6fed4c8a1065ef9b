//! The BBV taakvelden: the national classification of municipal budget lines, with the years
//! each code is valid. The 2017 set holds until budget year 2022; from 2023, 6.71, 6.72, 6.81
//! and 6.82 are split into lettered codes (and 6.73 and 6.74 are added).

/// One taakveld code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taakveld {
    pub code: &'static str,
    pub name: &'static str,
    /// First budget year the code is valid, if it is newer than the 2017 set.
    pub from: Option<u16>,
    /// Last budget year the code is valid, if it has been withdrawn.
    pub until: Option<u16>,
}

const fn always(code: &'static str, name: &'static str) -> Taakveld {
    Taakveld { code, name, from: None, until: None }
}
const fn until_2022(code: &'static str, name: &'static str) -> Taakveld {
    Taakveld { code, name, from: None, until: Some(2022) }
}
const fn from_2023(code: &'static str, name: &'static str) -> Taakveld {
    Taakveld { code, name, from: Some(2023), until: None }
}

/// The year the 2023 split took effect.
pub const SPLIT_YEAR: u16 = 2023;

pub static CATALOGUE: &[Taakveld] = &[
    always("0.1", "Bestuur"),
    always("0.2", "Burgerzaken"),
    always("0.3", "Beheer overige gebouwen en gronden"),
    always("0.4", "Overhead"),
    always("0.5", "Treasury"),
    always("0.61", "OZB woningen"),
    always("0.62", "OZB niet-woningen"),
    always("0.63", "Parkeerbelasting"),
    always("0.64", "Belastingen overig"),
    always("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds"),
    always("0.8", "Overige baten en lasten"),
    always("0.9", "Vennootschapsbelasting (VpB)"),
    always("0.10", "Mutaties reserves"),
    always("0.11", "Resultaat van de rekening van baten en lasten"),
    always("1.1", "Crisisbeheersing en brandweer"),
    always("1.2", "Openbare orde en veiligheid"),
    always("2.1", "Verkeer en vervoer"),
    always("2.2", "Parkeren"),
    always("2.3", "Recreatieve havens"),
    always("2.4", "Economische havens en waterwegen"),
    always("2.5", "Openbaar vervoer"),
    always("3.1", "Economische ontwikkeling"),
    always("3.2", "Fysieke bedrijfsinfrastructuur"),
    always("3.3", "Bedrijvenloket en bedrijfsregelingen"),
    always("3.4", "Economische promotie"),
    always("4.1", "Openbaar basisonderwijs"),
    always("4.2", "Onderwijshuisvesting"),
    always("4.3", "Onderwijsbeleid en leerlingzaken"),
    always("5.1", "Sportbeleid en activering"),
    always("5.2", "Sportaccommodaties"),
    always("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie"),
    always("5.4", "Musea"),
    always("5.5", "Cultureel erfgoed"),
    always("5.6", "Media"),
    always("5.7", "Openbaar groen en (openlucht) recreatie"),
    always("6.1", "Samenkracht en burgerparticipatie"),
    always("6.2", "Wijkteams"),
    always("6.3", "Inkomensregelingen"),
    always("6.4", "Begeleide participatie"),
    always("6.5", "Arbeidsparticipatie"),
    always("6.6", "Maatwerkvoorzieningen (Wmo)"),
    until_2022("6.71", "Maatwerkdienstverlening 18+"),
    until_2022("6.72", "Maatwerkdienstverlening 18-"),
    until_2022("6.81", "Geëscaleerde zorg 18+"),
    until_2022("6.82", "Geëscaleerde zorg 18-"),
    from_2023("6.71a", "Huishoudelijke hulp (Wmo)"),
    from_2023("6.71b", "Begeleiding (Wmo)"),
    from_2023("6.71c", "Dagbesteding (Wmo)"),
    from_2023("6.71d", "Overige maatwerkarrangementen (Wmo)"),
    from_2023("6.72a", "Jeugdhulp begeleiding"),
    from_2023("6.72b", "Jeugdhulp behandeling"),
    from_2023("6.72c", "Jeugdhulp dagbesteding"),
    from_2023("6.72d", "Jeugdhulp zonder verblijf overig"),
    from_2023("6.73a", "Pleegzorg"),
    from_2023("6.73b", "Gezinsgericht"),
    from_2023("6.73c", "Jeugdhulp met verblijf overig"),
    from_2023("6.74a", "Jeugdhulp behandeling GGZ zonder verblijf"),
    from_2023("6.74b", "Jeugdhulp crisis/LTA/GGZ-verblijf"),
    from_2023("6.74c", "Gesloten plaatsing"),
    from_2023("6.81a", "Beschermd wonen (Wmo)"),
    from_2023("6.81b", "Maatschappelijke- en vrouwenopvang (Wmo)"),
    from_2023("6.82a", "Jeugdbescherming"),
    from_2023("6.82b", "Jeugdreclassering"),
    always("7.1", "Volksgezondheid"),
    always("7.2", "Riolering"),
    always("7.3", "Afval"),
    always("7.4", "Milieubeheer"),
    always("7.5", "Begraafplaatsen en crematoria"),
    always("8.1", "Ruimtelijke ordening"),
    always("8.2", "Grondexploitatie (niet bedrijventerreinen)"),
    always("8.3", "Wonen en bouwen"),
];

/// What the catalogue says of a code for a budget year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Valid(&'static Taakveld),
    /// The code exists, but not in that year; these replace it.
    Expired(&'static Taakveld, Vec<&'static Taakveld>),
    /// The code exists only from a later year (a lettered code used before 2023).
    NotYet(&'static Taakveld),
    /// No such code; the nearest valid codes.
    Unknown(Vec<&'static Taakveld>),
}

pub fn find(code: &str) -> Option<&'static Taakveld> {
    // By code, built once: a plan names a taakveld for every measure, and comparing each name
    // with the whole catalogue was a tenth of a check. The first entry of a code, as a search
    // through the catalogue finds.
    static BY_CODE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static Taakveld>> =
        std::sync::OnceLock::new();
    let by_code = BY_CODE.get_or_init(|| {
        let mut map = std::collections::HashMap::with_capacity(CATALOGUE.len());
        for t in CATALOGUE {
            map.entry(t.code).or_insert(t);
        }
        map
    });
    by_code.get(code).copied()
}

fn valid_in(t: &Taakveld, year: u16) -> bool {
    t.from.is_none_or(|f| year >= f) && t.until.is_none_or(|u| year <= u)
}

/// Looks a code up for a budget year.
pub fn lookup(code: &str, year: u16) -> Lookup {
    match find(code) {
        Some(t) if valid_in(t, year) => Lookup::Valid(t),
        Some(t) if t.until.is_some_and(|u| year > u) => {
            let prefix = t.code;
            let successors = CATALOGUE
                .iter()
                .filter(|s| s.from == Some(SPLIT_YEAR) && s.code.starts_with(prefix))
                .chain(CATALOGUE.iter().filter(|s| {
                    // 6.72 also went partly into the new 6.73 and 6.74.
                    prefix == "6.72"
                        && s.from == Some(SPLIT_YEAR)
                        && (s.code.starts_with("6.73") || s.code.starts_with("6.74"))
                }))
                .collect();
            Lookup::Expired(t, successors)
        }
        Some(t) => Lookup::NotYet(t),
        None => Lookup::Unknown(nearest(code, year)),
    }
}

/// The codes valid in a budget year, in the catalogue's order.
pub fn valid(year: u16) -> impl Iterator<Item = &'static Taakveld> {
    CATALOGUE.iter().filter(move |t| valid_in(t, year))
}

/// The budget year whose taakveld set a plan uses: the year it was adopted, else the first
/// year of its period, else the first year of the current set.
pub fn year_of(model: &crate::resolve::Model) -> u16 {
    model
        .header
        .as_ref()
        .and_then(|h| h.adopted.map(|a| a.value.year))
        .or_else(|| model.period().map(|p| p.first.value))
        .unwrap_or(SPLIT_YEAR)
}

/// The valid codes nearest to an unknown one: same chapter first, then by edit distance.
pub fn nearest(code: &str, year: u16) -> Vec<&'static Taakveld> {
    let chapter = code.split('.').next().unwrap_or("");
    let mut scored: Vec<(usize, &'static Taakveld)> = CATALOGUE
        .iter()
        .filter(|t| valid_in(t, year))
        .map(|t| {
            let same_chapter = t.code.split('.').next() == Some(chapter);
            (strsim::levenshtein(code, t.code) + if same_chapter { 0 } else { 2 }, t)
        })
        .collect();
    scored.sort_by_key(|(d, t)| (*d, t.code));
    scored.into_iter().take(3).map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_by_code_finds_the_first_entry_of_the_catalogue() {
        for t in CATALOGUE {
            let first = CATALOGUE.iter().find(|c| c.code == t.code).map(|c| c as *const Taakveld);
            assert_eq!(find(t.code).map(|c| c as *const Taakveld), first, "{}", t.code);
        }
        assert!(find("6.7").is_none() && find("").is_none() && find("0.1 ").is_none());
    }

    #[test]
    fn codes_are_valid_in_their_years() {
        assert!(matches!(lookup("6.72", 2020), Lookup::Valid(t) if t.name == "Maatwerkdienstverlening 18-"));
        assert!(matches!(lookup("6.72a", 2024), Lookup::Valid(_)));
        assert!(matches!(lookup("6.72a", 2021), Lookup::NotYet(_)));
        match lookup("6.71", 2024) {
            Lookup::Expired(_, succ) => {
                let codes: Vec<&str> = succ.iter().map(|t| t.code).collect();
                assert_eq!(codes, ["6.71a", "6.71b", "6.71c", "6.71d"]);
            }
            other => panic!("6.71 in 2024 should be expired, got {other:?}"),
        }
    }

    #[test]
    fn unknown_codes_get_neighbours() {
        match lookup("6.9", 2021) {
            Lookup::Unknown(n) => assert!(n.iter().all(|t| t.code.starts_with("6.")), "{n:?}"),
            other => panic!("6.9 is not a code, got {other:?}"),
        }
    }

    #[test]
    fn codes_are_unique() {
        for (i, t) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|u| u.code != t.code), "{} twice", t.code);
        }
    }
}
