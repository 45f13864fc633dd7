//! The `model-catalog` command-line tool (built with the `cli` feature). A placeholder until
//! its commands land.

fn main() {
    println!("model-catalog: the command-line tool is not yet implemented");
}
