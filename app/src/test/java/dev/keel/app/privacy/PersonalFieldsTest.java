package dev.keel.app.privacy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A personal field without a subject would fail at the first append; this fails at build time. */
class PersonalFieldsTest {

    @Test
    void everyContractTypeWithPersonalDataNamesItsSubject() {
        List<Class<?>> personal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keel.api").stream()
                .map(JavaClass::reflect)
                .filter(type -> type.isRecord() && Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.isAnnotationPresent(PersonalData.class)))
                .toList();

        assertThat(personal).contains(AccountRegistered.class);
        assertThat(personal).allSatisfy(type -> assertThat(PersonalFields.of(type).subject()).isNotNull());
    }

    @Test
    void readsTheJsonNamesOfPersonalFieldsAndTheSubject() {
        PersonalFields fields = PersonalFields.of(AccountRegistered.class);
        assertThat(fields.subject()).isEqualTo("accountId");
        assertThat(fields.fields()).containsExactly("email", "displayName");
        assertThat(PersonalFields.of(LoginFailed.class).none()).isTrue();
    }

    /** An aggregate kept as a snapshot: serialized under its field names. */
    static final class Snapshotted {
        static final String SCOPE = "not a field of the snapshot";
        @DataSubject
        private String accountId;
        @PersonalData
        private String email;
        @PersonalData
        private Object sessions;
        private int failures;
    }

    @Test
    void readsTheFieldNamesOfAnAggregateKeptAsASnapshot() {
        PersonalFields fields = PersonalFields.of(Snapshotted.class);
        assertThat(fields.subject()).isEqualTo("accountId");
        assertThat(fields.fields()).containsExactly("email", "sessions");
        assertThat(fields.isText("email")).isTrue();
        assertThat(fields.isText("sessions")).isFalse();
    }

    record Orphan(@PersonalData String email) {
    }

    record Twins(@DataSubject String a, @DataSubject String b, @PersonalData String email) {
    }

    @Test
    void personalDataWithoutOneSubjectIsAProgrammingError() {
        assertThatThrownBy(() -> PersonalFields.of(Orphan.class)).hasMessageContaining("no @DataSubject");
        assertThatThrownBy(() -> PersonalFields.of(Twins.class)).hasMessageContaining("two @DataSubject");
    }
}
