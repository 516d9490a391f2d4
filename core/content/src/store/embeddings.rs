//! The FAQ's entry-vector cache: vectors a sentence encoder made, kept so
//! that the next index build (after a restart or a small sync) embeds only
//! what is new. Derived data, keyed by model and by the sha256 of the exact
//! text embedded; losing it costs time, never answers.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::Store;
use crate::error::StoreError;

/// One cached vector: i8 codes and their scale.
pub type CachedVector = (Vec<i8>, f32);

fn key(text: &str) -> Vec<u8> {
    Sha256::digest(text.as_bytes()).to_vec()
}

impl Store {
    /// The cached vector of each of `texts` for `model`, in order (`None`
    /// when absent).
    pub fn cached_embeddings(
        &self,
        model: &str,
        texts: &[String],
    ) -> Result<Vec<Option<CachedVector>>, StoreError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT codes, scale FROM faq_embedding_cache WHERE model = ?1 AND text_sha256 = ?2",
        )?;
        texts
            .iter()
            .map(|t| {
                let row = stmt
                    .query_row(params![model, key(t)], |r| {
                        let codes: Vec<u8> = r.get(0)?;
                        let scale: f64 = r.get(1)?;
                        Ok((codes.into_iter().map(|b| b as i8).collect(), scale as f32))
                    })
                    .optional()?;
                Ok(row)
            })
            .collect()
    }

    /// Keeps vectors `model` made: (text, codes, scale), in one transaction.
    pub fn cache_embeddings(
        &mut self,
        model: &str,
        items: &[(&str, &[i8], f32)],
    ) -> Result<(), StoreError> {
        let tx = self.connection_mut().transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO faq_embedding_cache (model, text_sha256, codes, scale)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (text, codes, scale) in items {
                let bytes: Vec<u8> = codes.iter().map(|&c| c as u8).collect();
                stmt.execute(params![model, key(text), bytes, f64::from(*scale)])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Drops the vectors of every model but `model` (a new model came).
    pub fn retain_embeddings_of(&mut self, model: &str) -> Result<usize, StoreError> {
        Ok(self
            .connection()
            .execute("DELETE FROM faq_embedding_cache WHERE model <> ?1", [model])?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_per_model_and_other_models_can_be_dropped() {
        let mut s = Store::open_in_memory().unwrap();
        let codes: Vec<i8> = (-128..=127).map(|c| c as i8).collect();
        s.cache_embeddings("m1", &[("粗大ごみ", &codes, 0.004)])
            .unwrap();
        s.cache_embeddings("m2", &[("粗大ごみ", &codes[..4], 1.0)])
            .unwrap();
        let texts = ["粗大ごみ".to_string(), "other".to_string()];
        let got = s.cached_embeddings("m1", &texts).unwrap();
        assert_eq!(got[0], Some((codes.clone(), 0.004)));
        assert_eq!(got[1], None);
        assert_eq!(s.retain_embeddings_of("m1").unwrap(), 1);
        assert_eq!(s.cached_embeddings("m2", &texts).unwrap()[0], None);
        assert!(s.cached_embeddings("m1", &texts).unwrap()[0].is_some());
    }
}
