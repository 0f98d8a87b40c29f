package fi.palaute.domain.personaldata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "131052-308T", // the Digital and Population Data Services Agency's example
            "131052Y308T", "131052X308T", "131052W308T", "131052V308T", "131052U308T", // 1900s, signs of 2023
            "010594A123W", "010594B123W", "010594C123W", "010594D123W", "010594E123W", "010594F123W", // 2000s
            "010100+123D", // 1800s
            "290200A1239", // 29 February 2000 exists
            "131052-308t", "010594a123w"}) // lower case is still the same number
    void validNumbersWithEveryCenturySign(String number) {
        assertTrue(PersonalIdentityNumbers.isValid(number), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "131052-308U", // wrong check character
            "131052Z308T", // no such century sign
            "131052G308T", // no such century sign
            "321052-308T", // no 32nd day
            "131352-308T", // no 13th month
            "290201A123J", // 29 February 2001 (right check character) does not exist
            "131052-001W", "131052-000V", // individual numbers 000 and 001 are never issued
            "131052-308", "131052-308TT", "1310523308T", "", "ABCDEF-GHIJ"})
    void everythingElseIsNot(String text) {
        assertFalse(PersonalIdentityNumbers.isValid(text), text);
    }

    @org.junit.jupiter.api.Test
    void nullIsNot() {
        assertFalse(PersonalIdentityNumbers.isValid(null));
    }
}
