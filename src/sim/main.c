/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patchcord-sim: runs a lab without a display, checks lab files and runs scripts. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "engine.h"
#include "cord-render.h"
#include "lab.h"
#include "script.h"

static const char *
link_state_label (CordLinkState state)
{
  switch (state)
    {
    case CORD_LINK_UP:          return _("up");
    case CORD_LINK_DOWN:        return _("down");
    case CORD_LINK_WRONG_CABLE: return _("wrong cable");
    default:
      g_return_val_if_reached ("?");
    }
}

/* Appends @text padded with spaces to @width characters, not bytes, so
 * columns line up for names and headers in any language. */
static void
append_padded (GString    *out,
               const char *text,
               int         width)
{
  g_string_append (out, text);
  for (int n = (int) g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (out, ' ');
}

static void
print_summary (CordTopology *topology,
               const char   *name)
{
  guint n_devices = cord_topology_get_n_devices (topology);
  guint n_links = cord_topology_get_n_links (topology);

  g_print (_("%s: %u devices, %u links, %u notes\n"), name, n_devices, n_links,
           cord_topology_get_n_notes (topology));
  if (n_devices > 0)
    {
      g_autoptr(GString) row = g_string_new ("\n");

      append_padded (row, _("Device"), 21);
      append_padded (row, _("Model"), 13);
      append_padded (row, _("Power"), 7);
      g_print ("%s%s\n", row->str, _("Ports"));
    }
  for (guint i = 0; i < n_devices; i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);
      g_autoptr(GString) row = g_string_new (NULL);

      append_padded (row, device->name, 21);
      append_padded (row, device->model->name, 13);
      append_padded (row, device->powered ? _("on") : _("off"), 7);
      g_print ("%s%u\n", row->str, device->ports->len);
    }
  if (n_links > 0)
    {
      g_autoptr(GPtrArray) ends = g_ptr_array_new_with_free_func (g_free);
      int width = (int) strlen (_("Link"));

      for (guint i = 0; i < n_links; i++)
        {
          CordLink *link = cord_topology_get_link (topology, i);
          char *text = g_strdup_printf ("%s %s <-> %s %s",
                                        link->ends[0]->device->name, link->ends[0]->name,
                                        link->ends[1]->device->name, link->ends[1]->name);

          width = MAX (width, (int) g_utf8_strlen (text, -1));
          g_ptr_array_add (ends, text);
        }
      g_print ("\n%-*s  %-11s %s\n", width, _("Link"), _("Cable"), _("State"));
      for (guint i = 0; i < n_links; i++)
        {
          CordLink *link = cord_topology_get_link (topology, i);
          const char *text = ends->pdata[i];

          /* Pad by characters, not bytes, for names in any script. */
          g_print ("%s%*s  %-11s %s\n", text, width - (int) g_utf8_strlen (text, -1), "",
                   cord_cable_to_string (link->cable), link_state_label (link->state));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *script_path = NULL;
  g_autofree char *save_path = NULL;
  g_auto(GStrv) labs = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) topology = NULL;
  g_autoptr(CordEngine) engine = NULL;
  g_autoptr(CordScript) script = NULL;
  gboolean check = FALSE;
  gboolean lf = FALSE;
  gboolean version = FALSE;
  gboolean render = FALSE;
  g_autofree char *render_path = NULL;
  CordCatalog *catalog;
  const GOptionEntry entries[] = {
    { "script", 's', 0, G_OPTION_ARG_FILENAME, &script_path,
      N_("Run the commands in FILE (- for standard input)"), N_("FILE") },
    { "save", 'o', 0, G_OPTION_ARG_FILENAME, &save_path,
      N_("Save the resulting lab to OUT.pclab"), N_("OUT.pclab") },
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("Only check that LAB is a valid lab file"), NULL },
    { "lf", 0, 0, G_OPTION_ARG_NONE, &lf,
      N_("Write console output with LF line ends instead of CR LF"), NULL },
    { "render", 'r', 0, G_OPTION_ARG_NONE, &render,
      N_("Picture the lab: --render LAB OUT.png, OUT.svg or OUT.pdf"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &labs, NULL, N_("[LAB]") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  /* Uninstalled runs (tests, screenshots) find the catalogs in the build tree. */
  if (g_getenv ("PATCHCORD_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PATCHCORD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("— run a Patchcord lab without a display"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Script lines that start with @ are commands to the simulator:\n"
      "  @add MODEL NAME [X Y]      @link NAME PORT NAME PORT [CABLE]\n"
      "  @unlink NAME PORT          @power NAME on|off\n"
      "  @module NAME SLOT MODULE   @unmodule NAME SLOT\n"
      "  @sleep SECONDS             @pcap NAME PORT FILE|off\n"
      "  @press KEY...              @NAME (select NAME's console)\n"
      "Every other line is typed into the selected console, followed by\n"
      "Enter; what that console prints goes to standard output."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("patchcord-sim: %s\n", error->message);
      g_printerr (_("Run “patchcord-sim --help” to see the options.\n"));
      return 2;
    }
  if (version)
    {
      g_print ("patchcord-sim %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (render)
    {
      /* --render LAB OUT: the picture is the second file. */
      if (labs == NULL || g_strv_length (labs) != 2)
        {
          g_printerr (_("patchcord-sim: --render needs a lab file and a picture file: "
                        "patchcord-sim --render LAB OUT.png (or OUT.svg, OUT.pdf)\n"));
          return 2;
        }
      render_path = g_steal_pointer (&labs[1]);
    }
  if (labs != NULL && g_strv_length (labs) > 1)
    {
      g_printerr (_("patchcord-sim: give at most one lab file\n"));
      return 2;
    }
  if (check && labs == NULL)
    {
      g_printerr (_("patchcord-sim: --check needs a lab file to check\n"));
      return 2;
    }

  catalog = cord_catalog_get_default ();
  if (labs != NULL)
    {
      topology = cord_lab_load_file (catalog, labs[0], &error);
      if (topology == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (check)
        {
          g_print (_("%s: valid (%u devices, %u links)\n"), labs[0],
                   cord_topology_get_n_devices (topology),
                   cord_topology_get_n_links (topology));
          return 0;
        }
    }
  else
    topology = cord_topology_new (catalog);

  engine = cord_engine_new ();

  if (script_path != NULL)
    {
      g_autoptr(GInputStream) input = NULL;
      g_autoptr(GOutputStream) output = g_unix_output_stream_new (1, FALSE);

      if (g_strcmp0 (script_path, "-") == 0)
        input = g_unix_input_stream_new (0, FALSE);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (script_path);

          input = G_INPUT_STREAM (g_file_read (file, NULL, &error));
          if (input == NULL)
            {
              g_printerr ("patchcord-sim: %s\n", error->message);
              return 1;
            }
        }
      script = cord_script_new (topology, engine);
      cord_script_set_output (script, output);
      cord_script_set_lf (script, lf);
      if (!cord_script_run_stream (script, input,
                                   g_strcmp0 (script_path, "-") == 0 ? "<stdin>" : script_path,
                                   &error) ||
          !cord_script_finish (script, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (save_path != NULL)
    {
      /* The lab holds the configs the devices run now. */
      if (script != NULL)
        cord_consoles_sync_to_topology (cord_script_get_consoles (script));
      if (!cord_lab_save_file (topology, save_path, &error))
        {
          g_printerr ("patchcord-sim: %s\n", error->message);
          return 1;
        }
    }

  if (render_path != NULL)
    {
      g_autoptr(CordRender) renderer = cord_render_new ();
      g_autoptr(CordSim) own_sim = NULL;
      CordSim *sim = script != NULL ? cord_script_get_sim (script) : NULL;

      /* Link lights show the lines as a second of simulation leaves them. */
      if (sim == NULL)
        {
          sim = own_sim = cord_sim_new (topology, engine);
          cord_engine_run_for (engine, G_TIME_SPAN_SECOND * 1000);
        }
      cord_render_set_lab (renderer, topology, sim);
      if (!cord_render_lab_to_file (renderer, render_path, &error))
        {
          g_printerr ("patchcord-sim: %s\n", error->message);
          return 1;
        }
      cord_render_set_lab (renderer, NULL, NULL);
      return 0;
    }

  if (script_path == NULL && save_path == NULL)
    print_summary (topology, labs != NULL ? labs[0] : _("(empty lab)"));

  return 0;
}
