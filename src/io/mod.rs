//! Reading and writing files: workspaces in (CSV folders, `network.json`, and single files in
//! the field's formats: UCINET DL, Pajek `.net`, survey matrices), outputs out (atomically, through exclusive temporaries that an interrupt removes). The only module besides `cli` that touches the file system.

pub(crate) mod aliases;
mod cells;
mod folder;
mod graph_file;
mod json;
mod key_index;
mod matrix;
mod numbers;
mod output;
mod pajek;
mod profile;
mod source;
mod table;
mod temporaries;
mod text;
mod ucinet;
mod workbook;
mod workspace;
mod write;

pub use folder::{
    FolderError, FolderFile, FolderMarker, FolderWritten, check_folder, write_folder,
};
pub use numbers::NumberConvention;
pub use output::{
    OutputError, describe_io_error, is_input, write_atomic, write_new_file, write_new_folder,
};
pub use profile::{MAX_PROFILE_BYTES, ProfileError, parse_profile, read_profile};
pub use source::{BUNDLED_NAME, MAX_FILE_BYTES, Source};
pub use table::MAX_ROWS;
pub use temporaries::remove_temporaries;
pub use workbook::WORKBOOK_EXTENSIONS;
pub use workspace::{
    ACTOR_COLUMNS, COALITION_COLUMNS, DEFAULT_LAYER, LoadOptions, Loaded, MEMBER_COLUMNS,
    RELATION_COLUMNS, load, load_with,
};
pub use write::{workspace_csv, write_workspace};
