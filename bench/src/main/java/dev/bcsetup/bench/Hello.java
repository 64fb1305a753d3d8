package dev.bcsetup.bench;

/** The start-up baseline: the smallest Java program, started the same way as the bot's jar. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
