package dev.bcsetup.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The instant checks on what a merchant entered: pure, no I/O, one clear problem per field. */
public final class CredentialIntake {

    /** Checks a form; filled fields win over the pasted file, which fills the rest. */
    public IntakeResult check(CredentialForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        CredentialForm merged = form;
        boolean fileUnreadable = false;
        if (CredentialForm.filled(form.pastedFile())) {
            CredentialForm fromFile = CredentialFileParser.parse(form.pastedFile());
            fileUnreadable = fromFile.apiPath() == null && fromFile.clientId() == null
                    && fromFile.accessToken() == null;
            if (fileUnreadable) {
                problems.add(FieldProblem.of(Field.PASTED_FILE, ProblemCode.FILE_WITHOUT_CREDENTIALS));
            }
            merged = form.orElse(fromFile);
        }

        ApiPathParser.Result path = ApiPathParser.parse(merged.apiPath());
        String clientId = PasteCleaner.clean(merged.clientId());
        String accessToken = PasteCleaner.clean(merged.accessToken());
        path.problem().ifPresent(problems::add);
        KeyShapeCheck.clientId(clientId).ifPresent(problems::add);
        KeyShapeCheck.accessToken(accessToken, clientId).ifPresent(problems::add);

        if (fileUnreadable) {
            // "Empty field" would only repeat the file problem for values the file was meant to hold.
            problems.removeIf(p -> isEmptyField(p.code()));
        }
        Optional<StoreHash> hash = path.storeHash();
        if (!problems.isEmpty() || hash.isEmpty()) {
            return new IntakeResult.Rejected(problems);
        }
        return new IntakeResult.Accepted(
                new Credentials(hash.get(), new ClientId(clientId), new AccessToken(accessToken)));
    }

    private static boolean isEmptyField(ProblemCode code) {
        return code == ProblemCode.API_PATH_EMPTY || code == ProblemCode.CLIENT_ID_EMPTY
                || code == ProblemCode.ACCESS_TOKEN_EMPTY;
    }
}
