//! Interned, typed indices for actors, layers and coalitions.
//!
//! Every entity of a [`Network`](crate::Network) is stored in a `Vec` and referred to by its
//! position. The newtypes keep an actor index from being used as a layer index by mistake; the
//! textual id a user wrote (`min_lnv`) is kept on the entity itself.

macro_rules! index_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
        pub struct $name(u32);

        impl $name {
            /// The index as a `usize`, for indexing the network's vectors.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// Builds an id from a vector position.
            ///
            /// Positions above `u32::MAX` cannot occur: loaders refuse workspaces that large.
            #[inline]
            pub fn from_index(index: usize) -> Self {
                debug_assert!(u32::try_from(index).is_ok());
                Self(index as u32)
            }
        }
    };
}

index_newtype!(
    /// Index of an actor in [`Network::actors`](crate::Network::actors).
    ActorId
);
index_newtype!(
    /// Index of a layer in [`Network::layers`](crate::Network::layers).
    LayerId
);
index_newtype!(
    /// Index of a coalition in [`Network::coalitions`](crate::Network::coalitions).
    CoalitionId
);
index_newtype!(
    /// Index of an interned topic string in [`Network::topics`](crate::Network::topics).
    TopicId
);
