package dev.bcsetup.flow.pictures;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/** One PNG to draw: its file name, canvas size, and the drawing. */
record Picture(String fileName, int width, int height, boolean transparent, Consumer<Sketch> drawing) {

    static Picture opaque(String fileName, int width, int height, Consumer<Sketch> drawing) {
        return new Picture(fileName, width, height, false, drawing);
    }

    BufferedImage render() {
        BufferedImage image = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Sketch sketch = new Sketch(image);
        try {
            drawing.accept(sketch);
        } finally {
            sketch.dispose();
        }
        return image;
    }
}
