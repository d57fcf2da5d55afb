//! Hours as people type them: numbers, "1.5 hrs", "90 minutes", "1 1/2", "1½", "1h30",
//! "1:30", "2,5 horas", "three hours", "3 credits", "0.6 CEU".

use crate::text::fold;

/// What a quantity was given in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// Clock hours.
    Hours,
    /// Credits, to be converted with the credit factor.
    Credits,
    /// Continuing education units (10 clock hours each).
    Ceus,
}

/// A parsed quantity before conversion to clock hours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The amount, in `unit`.
    pub amount: f64,
    /// Its unit.
    pub unit: Unit,
}

/// Clock hours per CEU.
pub const HOURS_PER_CEU: f64 = 10.0;

/// Parses an hours text. `default_unit` applies to a bare number.
///
/// ```
/// use crosswalk::normalize::hours::{parse, Unit};
/// assert_eq!(parse("1 1/2 hrs", Unit::Hours).map(|q| q.amount), Ok(1.5));
/// assert_eq!(parse("90 minutes", Unit::Hours).map(|q| q.amount), Ok(1.5));
/// assert_eq!(parse("3 credits", Unit::Hours).map(|q| q.unit), Ok(Unit::Credits));
/// assert!(parse("1-2 hours", Unit::Hours).is_err());
/// ```
pub fn parse(text: &str, default_unit: Unit) -> Result<Quantity, String> {
    // Vulgar fractions first: folding would turn "1½" into "11⁄2".
    let prepared = fold(prepare(text.trim()).trim());
    if prepared.is_empty() {
        return Err("empty".to_string());
    }
    let tokens = lex(&prepared)?;
    interpret(&tokens, default_unit)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Word(String),
    Slash,
    Colon,
    Dash,
}

fn prepare(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '½' => s.push_str(" 1/2"),
            '¼' => s.push_str(" 1/4"),
            '¾' => s.push_str(" 3/4"),
            '⅓' => s.push_str(" 1/3"),
            '⅔' => s.push_str(" 2/3"),
            '–' | '—' => s.push('-'),
            '⁄' => s.push('/'),
            _ => s.push(c),
        }
    }
    s
}

fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            // A decimal point, or a decimal comma followed by one or two digits only.
            if i < chars.len() && (chars[i] == '.' || chars[i] == ',') {
                let digits = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if digits > 0 && (chars[i] == '.' || digits <= 2) {
                    i += 1 + digits;
                }
            }
            let number: String = chars[start..i]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            let value = number
                .parse::<f64>()
                .map_err(|_| format!("'{number}' is not a number"))?;
            out.push(Tok::Num(value));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(chars[start..i].iter().collect()));
        } else {
            match c {
                '/' => out.push(Tok::Slash),
                ':' => out.push(Tok::Colon),
                '-' => out.push(Tok::Dash),
                _ => {}
            }
            i += 1;
        }
    }
    Ok(out)
}

fn number_word(word: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("zero", 0.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("fifteen", 15.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fortyfive", 45.0),
        ("sixty", 60.0),
        ("ninety", 90.0),
        ("half", 0.5),
        ("an", 1.0),
        ("a", 1.0),
        ("uno", 1.0),
        ("una", 1.0),
        ("dos", 2.0),
        ("tres", 3.0),
        ("cuatro", 4.0),
        ("cinco", 5.0),
        ("seis", 6.0),
        ("siete", 7.0),
        ("ocho", 8.0),
        ("nueve", 9.0),
        ("diez", 10.0),
        ("doce", 12.0),
        ("media", 0.5),
        ("medio", 0.5),
        ("quince", 15.0),
        ("veinte", 20.0),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum UnitWord {
    Hours,
    Minutes,
    Credits,
    Ceus,
    Days,
}

fn unit_word(word: &str) -> Option<UnitWord> {
    Some(match word {
        "h" | "hr" | "hrs" | "hour" | "hours" | "hora" | "horas" | "hs" => UnitWord::Hours,
        "m" | "min" | "mins" | "minute" | "minutes" | "minuto" | "minutos" => UnitWord::Minutes,
        "credit" | "credits" | "cr" | "crs" | "credito" | "creditos" | "unit" | "units" => {
            UnitWord::Credits
        }
        "ceu" | "ceus" => UnitWord::Ceus,
        "day" | "days" | "dia" | "dias" => UnitWord::Days,
        _ => return None,
    })
}

/// Words that may stand around a quantity without changing it.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "approx"
            | "approximately"
            | "about"
            | "around"
            | "total"
            | "clock"
            | "contact"
            | "ce"
            | "and"
            | "y"
            | "aprox"
            | "aproximadamente"
            | "of"
            | "training"
            | "de"
            | "semester"
            | "sem"
            | "quarter"
            | "qtr"
            | "ceh"
            | "cehs"
            | "est"
            | "estimated"
            | "in"
            | "person"
    )
}

fn interpret(tokens: &[Tok], default_unit: Unit) -> Result<Quantity, String> {
    // h:mm
    if let [Tok::Num(h), Tok::Colon, Tok::Num(m), rest @ ..] = tokens
        && rest.iter().all(
            |t| matches!(t, Tok::Word(w) if filler(w) || unit_word(w) == Some(UnitWord::Hours)),
        )
    {
        if *m >= 60.0 || m.fract() != 0.0 {
            return Err(format!("'{h}:{m}' is not a time span"));
        }
        return Ok(Quantity {
            amount: h + m / 60.0,
            unit: Unit::Hours,
        });
    }

    let mut total_hours = 0.0;
    let mut other: Option<Quantity> = None;
    let mut pending: Option<f64> = None;
    let mut last_unit: Option<UnitWord> = None;
    let mut saw_any = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Tok::Num(n) => {
                let mut value = *n;
                // "1 1/2" or "1/2"
                if let (Some(Tok::Slash), Some(Tok::Num(d))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    if *d == 0.0 {
                        return Err("division by zero".to_string());
                    }
                    value = n / d;
                    i += 2;
                } else if let (Some(Tok::Num(a)), Some(Tok::Slash), Some(Tok::Num(d))) =
                    (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3))
                {
                    if *d == 0.0 {
                        return Err("division by zero".to_string());
                    }
                    value = n + a / d;
                    i += 3;
                }
                if pending.is_some() {
                    return Err("two numbers in a row".to_string());
                }
                if matches!(tokens.get(i + 1), Some(Tok::Dash))
                    && matches!(tokens.get(i + 2), Some(Tok::Num(_)))
                {
                    return Err("a range, not one number of hours".to_string());
                }
                pending = Some(value);
            }
            Tok::Word(w) => {
                if let Some(unit) = unit_word(w) {
                    let value = match pending.take() {
                        Some(v) => v,
                        None if w == "hour" || w == "hora" => 1.0,
                        None => return Err(format!("'{w}' without a number")),
                    };
                    saw_any = true;
                    match unit {
                        UnitWord::Hours => total_hours += value,
                        UnitWord::Minutes => total_hours += value / 60.0,
                        UnitWord::Credits => {
                            other = Some(Quantity {
                                amount: value,
                                unit: Unit::Credits,
                            })
                        }
                        UnitWord::Ceus => {
                            other = Some(Quantity {
                                amount: value,
                                unit: Unit::Ceus,
                            })
                        }
                        UnitWord::Days => {
                            return Err("given in days: say how many clock hours".to_string());
                        }
                    }
                    last_unit = Some(unit);
                } else if (w == "to" || w == "a" || w == "or" || w == "o")
                    && pending.is_some()
                    && matches!(tokens.get(i + 1), Some(Tok::Num(_)))
                {
                    return Err("a range, not one number of hours".to_string());
                } else if let Some(v) = number_word(w) {
                    if w == "half" || w == "media" || w == "medio" {
                        // "one and a half", "hora y media"
                        match pending.take() {
                            Some(p) => pending = Some(p + v),
                            None if last_unit == Some(UnitWord::Hours) => {
                                total_hours += v;
                                saw_any = true;
                            }
                            None => pending = Some(v),
                        }
                    } else if w == "a" || w == "an" {
                        if pending.is_none()
                            && !matches!(tokens.get(i + 1), Some(Tok::Word(n)) if n == "half")
                        {
                            pending = Some(v);
                        }
                    } else {
                        pending = Some(pending.unwrap_or(0.0) + v);
                    }
                } else if !filler(w) {
                    return Err(format!("'{w}' is not understood as hours"));
                }
            }
            Tok::Dash => {
                if pending.is_none() && !saw_any && matches!(tokens.get(i + 1), Some(Tok::Num(_))) {
                    return Err("a negative number".to_string());
                }
            }
            Tok::Slash | Tok::Colon => return Err("not understood as hours".to_string()),
        }
        i += 1;
    }
    if let Some(v) = pending {
        if last_unit == Some(UnitWord::Hours) {
            total_hours += v / 60.0;
        } else if saw_any {
            return Err("a number without a unit after another quantity".to_string());
        } else {
            return Ok(Quantity {
                amount: v,
                unit: default_unit,
            });
        }
    }
    if let Some(q) = other {
        if total_hours > 0.0 {
            return Err("both hours and credits given".to_string());
        }
        return Ok(q);
    }
    if !saw_any {
        return Err("no number found".to_string());
    }
    Ok(Quantity {
        amount: total_hours,
        unit: Unit::Hours,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(text: &str) -> f64 {
        let q = parse(text, Unit::Hours).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(q.unit, Unit::Hours, "{text}");
        q.amount
    }

    #[test]
    fn reads_hours_as_people_write_them() {
        for (text, expected) in [
            ("3", 3.0),
            ("1.5 hrs", 1.5),
            ("1,5 horas", 1.5),
            ("90 minutes", 1.5),
            ("45 min", 0.75),
            ("1 1/2", 1.5),
            ("1½", 1.5),
            ("1 ½ hours", 1.5),
            ("1h30", 1.5),
            ("1 hr 30 min", 1.5),
            ("1:30", 1.5),
            ("2 hours", 2.0),
            ("three hours", 3.0),
            ("one and a half hours", 1.5),
            ("an hour", 1.0),
            ("approx. 6 clock hours", 6.0),
            ("6.0 Contact Hours", 6.0),
            ("hora y media", 1.5),
        ] {
            assert!((hours(text) - expected).abs() < 1e-9, "{text}");
        }
    }

    #[test]
    fn credits_and_ceus_keep_their_unit() {
        assert_eq!(
            parse("3 credits", Unit::Hours),
            Ok(Quantity {
                amount: 3.0,
                unit: Unit::Credits
            })
        );
        assert_eq!(
            parse("0.6 CEU", Unit::Hours),
            Ok(Quantity {
                amount: 0.6,
                unit: Unit::Ceus
            })
        );
        assert_eq!(
            parse("3", Unit::Credits),
            Ok(Quantity {
                amount: 3.0,
                unit: Unit::Credits
            })
        );
    }

    #[test]
    fn refuses_what_is_not_one_number_of_hours() {
        for text in [
            "TBD",
            "varies",
            "1-2 hours",
            "2 to 3 hours",
            "2 days",
            "",
            "-3",
            "a/b",
        ] {
            assert!(parse(text, Unit::Hours).is_err(), "{text}");
        }
    }
}
