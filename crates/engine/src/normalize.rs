//! Title normalization: the one function that decides when two titles are "the same", used by the
//! watchlist (an alias that is the title again is refused) and by the matcher.

use deunicode::deunicode_char;

/// Normalizes a title for comparison; see the rules in the [`crate::matcher`] docs.
pub fn normalize_title(s: &str) -> String {
    let decoded = decode_entities(s);
    let mut out = Words::with_capacity(decoded.len());
    for c in decoded.chars() {
        match c {
            // Apostrophes join: "Director’s" and "Directors" are the same word.
            c if APOSTROPHES.contains(&c) => {}
            '&' => {
                out.end_word();
                out.push_word("and");
            }
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.end_word(),
            c if is_latin_or_fullwidth(c) => match deunicode_char(c) {
                Some(ascii) => {
                    for a in ascii.chars() {
                        if a.is_ascii_alphanumeric() {
                            out.push(a.to_ascii_lowercase());
                        } else if a != '\'' {
                            out.end_word();
                        }
                    }
                }
                None => out.end_word(),
            },
            // Other scripts stay as they are: transliterating them is lossy ("アニメ" is not "Anime").
            c if c.is_alphanumeric() => c.to_lowercase().for_each(|l| out.push(l)),
            _ => out.end_word(),
        }
    }
    out.finish()
}

/// The characters written as an apostrophe.
const APOSTROPHES: [char; 6] = ['\'', '’', '‘', '`', '´', 'ʼ'];

/// The other normalized forms an item's title is also looked up under, as release names spell it; none when
/// it has nothing they spell another way. [`normalize_title`] stays the one rule for release titles, so an
/// item only gains keys:
/// - an apostrophe read as a word break: [`normalize_title`] joins the letters around it
///   (`Director’s` = `Directors`), but names write French elisions as separate words
///   (`Anatomie d'une chute` → `Anatomie.d.une.chute`, `L'Arnacoeur` → `L.Arnacoeur`);
/// - German umlauts written with an `e` (`Fack ju Göhte` → `Fack.Ju.Goehte`, `Türkisch für Anfänger` →
///   `Tuerkisch.fuer.Anfaenger`), as German releases do; stripping the dots (`Gohte`) stays the first key.
pub(crate) fn alternative_keys(title: &str) -> Vec<String> {
    let decoded = decode_entities(title);
    let mut keys = Vec::new();
    if decoded.contains(APOSTROPHES) {
        keys.push(normalize_title(&decoded.replace(APOSTROPHES, " ")));
    }
    if decoded.contains(UMLAUTS) {
        let mut spelled = String::with_capacity(decoded.len() + 4);
        for c in decoded.chars() {
            match c {
                'ä' => spelled.push_str("ae"),
                'ö' => spelled.push_str("oe"),
                'ü' => spelled.push_str("ue"),
                'Ä' => spelled.push_str("Ae"),
                'Ö' => spelled.push_str("Oe"),
                'Ü' => spelled.push_str("Ue"),
                c => spelled.push(c),
            }
        }
        keys.push(normalize_title(&spelled));
    }
    keys
}

const UMLAUTS: [char; 6] = ['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü'];

/// Normalized words written as they come: one space between words, except inside a run of two or more
/// single letters, which join (`S.H.I.E.L.D` → `shield`).
struct Words {
    out: String,
    /// Byte offset in `out` where the current word starts.
    word_start: usize,
    in_word: bool,
    previous_was_single_letter: bool,
}

impl Words {
    fn with_capacity(n: usize) -> Self {
        Words {
            out: String::with_capacity(n),
            word_start: 0,
            in_word: false,
            previous_was_single_letter: false,
        }
    }

    fn push(&mut self, c: char) {
        if !self.in_word {
            self.in_word = true;
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.word_start = self.out.len();
        }
        self.out.push(c);
    }

    fn push_word(&mut self, word: &str) {
        word.chars().for_each(|c| self.push(c));
        self.end_word();
    }

    fn end_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        let word = &self.out[self.word_start..];
        let single_letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
        if single_letter && self.previous_was_single_letter && self.word_start > 0 {
            // Join to the previous single letter: drop the space written before this one.
            self.out.remove(self.word_start - 1);
        }
        self.previous_was_single_letter = single_letter;
    }

    fn finish(mut self) -> String {
        self.end_word();
        self.out
    }
}

/// Latin letters with diacritics (Latin-1 Supplement, Extended-A/B, Extended Additional), ligatures and
/// full-width ASCII forms: these are written the same without their marks.
fn is_latin_or_fullwidth(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{FB00}'..='\u{FB06}' | '\u{FF01}'..='\u{FF5E}')
}

/// The normalized whole release name, so the same release listed by two indexers is recognized: they differ
/// in separators (`.` or space), case, and sometimes a file extension.
pub fn release_key(release_title: &str) -> String {
    let name = capped(release_title).trim();
    let name = match name.rsplit_once('.') {
        Some((stem, extension))
            if MEDIA_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => name,
    };
    normalize_title(name)
}

/// Release names are cut to this many characters before parsing or comparing.
pub const MAX_PARSE_CHARS: usize = 512;

/// The first [`MAX_PARSE_CHARS`] characters of `s`, cut at a character boundary.
pub fn capped(s: &str) -> &str {
    match s.char_indices().nth(MAX_PARSE_CHARS) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

const MEDIA_EXTENSIONS: [&str; 8] = ["mkv", "mp4", "avi", "m4v", "ts", "wmv", "torrent", "nzb"];

/// Indexer feeds sometimes carry HTML entities into titles ("Foo's &amp; Bars").
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    s.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .into()
}
