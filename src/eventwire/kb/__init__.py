"""Knowledge loaders: read packaged data once and return immutable lookup objects."""
