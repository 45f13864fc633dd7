//! What is known of what a model takes, produces and can do where it is served: its
//! capability flags and modalities, a provider's own (an offer's) over the model's.

use crate::data::capability::{Capability, Flags, Support};
use crate::data::modality::{Modalities, Modality};
use crate::model::Model;
use crate::offer::Offer;

/// The flags and modalities that apply to `model` served through `offer` (the offer's own
/// over the model's), as resolutions and routes give them; `None` for a pass-through.
pub(crate) fn served(model: Option<&Model>, offer: Option<&Offer>) -> Option<Abilities> {
    let m = model?;
    Some(offer.map_or_else(|| m.abilities(), |o| o.abilities(m)))
}

/// Capability flags and modalities, each possibly unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Abilities {
    /// The recorded flags.
    pub(crate) flags: Flags,
    /// The kinds of input taken, where known.
    pub(crate) input: Option<Modalities>,
    /// The kinds of output produced, where known.
    pub(crate) output: Option<Modalities>,
}

impl Abilities {
    /// These abilities, with what they leave unknown taken from `base`: each flag and each
    /// list of modalities from the first that knows it.
    pub(crate) fn over(self, base: Abilities) -> Abilities {
        let (own, under) = (self.flags, base.flags);
        let mut flags = Flags::new();
        flags.tools = own.tools.or(under.tools);
        flags.parallel_tools = own.parallel_tools.or(under.parallel_tools);
        flags.reasoning = own.reasoning.or(under.reasoning);
        flags.structured_output = own.structured_output.or(under.structured_output);
        Abilities {
            flags,
            input: self.input.or(base.input),
            output: self.output.or(base.output),
        }
    }

    /// Whether `c` is supported: `vision`, `pdf` and `audio_input` follow the input
    /// modalities (image, file, audio), `audio_output` the output modalities, the rest the
    /// flags; parallel tool calls are not supported where tool calls are known not to be.
    pub(crate) fn support(&self, c: Capability) -> Support {
        let input = |m: Modality| self.input.map(|s| s.contains(m));
        let flags = self.flags;
        Support::from_known(match c {
            Capability::Tools => flags.tools,
            Capability::ParallelTools => match flags.tools {
                Some(false) => Some(false),
                _ => flags.parallel_tools,
            },
            Capability::Reasoning => flags.reasoning,
            Capability::StructuredOutput => flags.structured_output,
            Capability::Vision => input(Modality::Image),
            Capability::Pdf => input(Modality::File),
            Capability::AudioInput => input(Modality::Audio),
            Capability::AudioOutput => self.output.map(|s| s.contains(Modality::Audio)),
            // A capability added to the data model after this code: not recorded here.
            _ => None,
        })
    }
}
