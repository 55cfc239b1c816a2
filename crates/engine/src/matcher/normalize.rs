//! Title normalization: the one function that decides when two titles are "the same".

use deunicode::deunicode_char;

/// Normalizes a title for comparison; see the rules in the [`crate::matcher`] docs.
pub fn normalize_title(s: &str) -> String {
    let decoded = decode_entities(s);
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in decoded.chars() {
        match c {
            // Apostrophes join: "Director’s" and "Directors" are the same word.
            '\'' | '’' | '‘' | '`' | '´' | 'ʼ' => {}
            '&' => {
                flush(&mut word, &mut words);
                words.push("and".to_owned());
            }
            c if c.is_ascii_alphanumeric() => word.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => flush(&mut word, &mut words),
            c if is_latin_or_fullwidth(c) => match deunicode_char(c) {
                Some(ascii) => {
                    for a in ascii.chars() {
                        if a.is_ascii_alphanumeric() {
                            word.push(a.to_ascii_lowercase());
                        } else if a != '\'' {
                            flush(&mut word, &mut words);
                        }
                    }
                }
                None => flush(&mut word, &mut words),
            },
            // Other scripts stay as they are: transliterating them is lossy ("アニメ" is not "Anime").
            c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
            _ => flush(&mut word, &mut words),
        }
    }
    flush(&mut word, &mut words);
    join_acronyms(&words)
}

/// Latin letters with diacritics (Latin-1 Supplement, Extended-A/B, Extended Additional), ligatures and
/// full-width ASCII forms: these are written the same without their marks.
fn is_latin_or_fullwidth(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{FB00}'..='\u{FB06}' | '\u{FF01}'..='\u{FF5E}')
}

/// The normalized whole release name, so the same release listed by two indexers is recognized.
pub fn release_key(release_title: &str) -> String {
    normalize_title(release_title)
}

fn flush(word: &mut String, words: &mut Vec<String>) {
    if !word.is_empty() {
        words.push(std::mem::take(word));
    }
}

/// Joins runs of two or more single letters, so "S.H.I.E.L.D", "S H I E L D" and "SHIELD" agree.
fn join_acronyms(words: &[String]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < words.len() {
        let run = words[i..].iter().take_while(|w| is_single_letter(w)).count();
        if !out.is_empty() {
            out.push(' ');
        }
        if run >= 2 {
            for w in &words[i..i + run] {
                out.push_str(w);
            }
            i += run;
        } else {
            out.push_str(&words[i]);
            i += 1;
        }
    }
    out
}

fn is_single_letter(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Indexer feeds sometimes carry HTML entities into titles ("Foo's &amp; Bars").
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    s.replace("&amp;", "&").replace("&#39;", "'").replace("&apos;", "'").replace("&quot;", "\"").into()
}
