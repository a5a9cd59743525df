package org.fittrackee.api.workouts;

import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

/**
 * FitTrackee's workout ids: a UUID written in base 57 with an alphabet that leaves out look-alike
 * characters, most significant digit first, padded to 22 characters.
 */
public final class ShortId {

    private static final String ALPHABET =
            "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
    private static final int LENGTH = 22;
    private static final BigInteger TWO_TO_128 = BigInteger.ONE.shiftLeft(128);

    private ShortId() {}

    public static String encode(UUID uuid) {
        BigInteger number = unsigned(uuid);
        StringBuilder digits = new StringBuilder();
        while (number.signum() > 0) {
            BigInteger[] quotientAndDigit = number.divideAndRemainder(BASE);
            digits.append(ALPHABET.charAt(quotientAndDigit[1].intValue()));
            number = quotientAndDigit[0];
        }
        while (digits.length() < LENGTH) {
            digits.append(ALPHABET.charAt(0));
        }
        return digits.reverse().toString();
    }

    /** The UUID of a short id, or empty when the text is not one. */
    public static Optional<UUID> decode(String shortId) {
        if (shortId == null || shortId.length() != LENGTH) {
            return Optional.empty();
        }

        BigInteger number = BigInteger.ZERO;
        for (char character : shortId.toCharArray()) {
            int digit = ALPHABET.indexOf(character);
            if (digit < 0) {
                return Optional.empty();
            }
            number = number.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (number.compareTo(TWO_TO_128) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new UUID(number.shiftRight(64).longValue(), number.longValue()));
    }

    private static BigInteger unsigned(UUID uuid) {
        BigInteger high = new BigInteger(Long.toUnsignedString(uuid.getMostSignificantBits()));
        BigInteger low = new BigInteger(Long.toUnsignedString(uuid.getLeastSignificantBits()));
        return high.shiftLeft(64).add(low);
    }
}
