/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: loads arbitrary bytes as a lab; a lab that loads must save and reload to the same bytes, also after adding a device. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cord-error.h"
#include "lab.h"

/* Added to every lab that loads: an end device with its NIC in a module,
 * and a switch with built-in ports. */
static const char * const added_models[] = { "PC-PT", "2960-24TT" };

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Parse the catalog once, outside the measured runs. */
  cord_catalog_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) topology = NULL;
  g_autoptr(CordTopology) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  const char *xml;
  gsize len;

  topology = cord_lab_load_data (catalog, (const char *) data, size, "fuzz.pclab", &error);
  if (topology == NULL)
    {
      /* A refusal must say why. */
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  if (error != NULL)
    abort ();

  /* Whatever loads must save, and what it saves must load again and save
   * to the same bytes: otherwise a user's lab changes or is lost on the
   * next save. */
  bytes = cord_lab_to_bytes (topology);
  xml = g_bytes_get_data (bytes, &len);
  again = cord_lab_load_data (catalog, xml, len, "fuzz-resaved.pclab", &error);
  if (again == NULL)
    {
      fprintf (stderr, "a loaded lab saves to bytes that do not load: %s\n--- saved ---\n%.*s\n",
               error->message, (int) len, xml);
      abort ();
    }
  bytes_again = cord_lab_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      fprintf (stderr, "a loaded lab does not save back byte for byte\n--- first ---\n%.*s\n"
               "--- second ---\n%.*s\n", (int) len, xml,
               (int) g_bytes_get_size (bytes_again),
               (const char *) g_bytes_get_data (bytes_again, NULL));
      abort ();
    }

  /* The first thing a user does with a lab: add a device (a new name, new
   * MACs after the lab's) and save. That must load too, and undo must give
   * the lab back exactly. */
  for (guint i = 0; i < G_N_ELEMENTS (added_models); i++)
    {
      g_autoptr(GBytes) edited = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(CordTopology) reloaded = NULL;
      CordDevice *device;

      device = cord_topology_add_device (again, added_models[i], NULL, 0, 0, &error);
      if (device == NULL)
        {
          /* Only a limit may refuse it. */
          if (!g_error_matches (error, CORD_ERROR, CORD_ERROR_LIMIT))
            {
              fprintf (stderr, "cannot add a %s to a loaded lab: %s\n", added_models[i],
                       error->message);
              abort ();
            }
          g_clear_error (&error);
          continue;
        }
      edited = cord_lab_to_bytes (again);
      xml = g_bytes_get_data (edited, &len);
      reloaded = cord_lab_load_data (catalog, xml, len, "fuzz-edited.pclab", &error);
      if (reloaded == NULL)
        {
          fprintf (stderr, "a loaded lab with a %s added saves to bytes that do not load: %s\n"
                   "--- saved ---\n%.*s\n", added_models[i], error->message, (int) len, xml);
          abort ();
        }
      if (!cord_topology_undo (again, &error))
        abort ();
      undone = cord_lab_to_bytes (again);
      if (!g_bytes_equal (undone, bytes))
        {
          fprintf (stderr, "undoing the added %s does not give the loaded lab back\n",
                   added_models[i]);
          abort ();
        }
    }
  return 0;
}
