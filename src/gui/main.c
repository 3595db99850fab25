/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The patchcord program: sets up translations and runs CordApplication. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cord-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CordApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  /* Uninstalled runs (tests, screenshots) find the catalogs in the build tree. */
  if (g_getenv ("PATCHCORD_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PATCHCORD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Patchcord");
  app = cord_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
