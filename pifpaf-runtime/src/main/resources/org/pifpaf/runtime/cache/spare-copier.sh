# pifpaf's spare copier: makes the spare copy of a template cache entry, in a process of its own
# that may outlive the JVM that started it (see SpareCopies.java).
#
#   $1 the entry's tree         $2 the entry's manifest
#   $3 the holder: an empty directory made for this copy, which keeps other copiers of the
#      entry away while it exists; this script writes its pid there and removes it at the end
#   $4 where the spare goes
#
# The copy is checked against the manifest (TreeManifest's format: kind, size of regular files,
# relative path, sorted) before it is renamed into place, so a damaged entry makes no spare.
trap '' HUP INT
holder=$3
copy=$holder/tree
echo $$ >"$holder/pid" || exit 1
if cp -a --reflink=auto -- "$1" "$copy" &&
    find "$copy" -mindepth 1 \( -type d -printf 'd - %P\n' \) -o \( -type f -printf 'f %s %P\n' \) \
        -o \( -type l -printf 'l - %P\n' \) -o -printf 'o - %P\n' | LC_ALL=C sort | cmp -s - "$2" &&
    touch -- "$copy"; then
    # The spare's age is the copy's, not the entry's (cp -a kept that). rename(2) fails, and the
    # spare already there stays, when another copier got there first.
    mv -T -- "$copy" "$4" 2>/dev/null
fi
rm -rf -- "$holder"
