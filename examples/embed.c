/* embed - the smallest complete use of pith: extract one page given its URL,
 * print the title and the text, free everything. Usage: embed FILE URL */
#include <pith.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    pith_options *opts = NULL;
    pith_doc *doc = NULL;
    pith_status st = PITH_ERR_NOMEM;
    char *html = NULL;
    long size = -1;
    FILE *f;

    if (argc != 3) {
        fprintf(stderr, "usage: embed FILE URL\n");
        return 2;
    }
    if ((f = fopen(argv[1], "rb")) && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0 || !(html = malloc((size_t)size + 1)) ||
        fread(html, 1, (size_t)size, f) != (size_t)size) {
        perror(argv[1]);
        return 1;
    }
    fclose(f);

    /* Options, like the input, are only read during pith_extract(). */
    if ((opts = pith_options_new()) &&
        (st = pith_options_set_string(opts, PITH_OPT_URL, argv[2])) == PITH_OK)
        st = pith_extract(html, (size_t)size, opts, &doc);
    pith_options_free(opts);
    free(html); /* pith_extract() only read the input during the call */
    if (st != PITH_OK) {
        fprintf(stderr, "embed: %s\n", pith_strerror(st));
        return 1;
    }
    printf("%s\n\n%s\n", pith_doc_title(doc), pith_doc_text(doc));
    pith_doc_free(doc); /* also frees the strings the accessors returned */
    return 0;
}
