package vn.trang.model;

import java.util.List;

/**
 * Who may change what, declared in the portal's {@code sites/<id>.yml} and checked by
 * {@code trang verify}: admins may change any file; a unit's editors only {@code content/<id>/}.
 *
 * @param admins               Git identities (matched by email) allowed to change anything
 * @param requireSignedCommits every commit must carry a valid OpenPGP signature from a key in
 *                             {@code publicKeys} whose user ID has the author's email
 * @param publicKeys           the armored public keyring (path relative to the project root, or
 *                             absolute), or null
 */
public record AccessPolicy(List<Editor> admins, boolean requireSignedCommits, String publicKeys) {

    /** No admins, no signatures required: what a site other than the portal has. */
    public static final AccessPolicy NONE = new AccessPolicy(List.of(), false, null);

    public AccessPolicy {
        admins = List.copyOf(admins);
    }
}
