"""Knowledge loaders: packaged data read once into immutable lookup objects."""
