/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordApplication: opens labs in windows, runs the app.* actions, keeps recent labs and offers crash recovery. */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-application.h"
#include "cord-document.h"
#include "cord-gui-resources.h"
#include "cord-window.h"

#define MAX_RECENT 10

struct _CordApplication
{
  GtkApplication  parent_instance;

  GMenu          *recent_menu;
  gulong          recent_handler;
  gboolean        recovery_checked;
  GPtrArray      *quit_queue;      /* CordWindow*, closed one by one */
};

G_DEFINE_FINAL_TYPE (CordApplication, cord_application, GTK_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[4];
} shortcuts[] = {
  { "app.new",        { "<Control>n", NULL } },
  { "app.open",       { "<Control>o", NULL } },
  { "app.quit",       { "<Control>q", NULL } },
  { "app.shortcuts",  { "<Control>question", NULL } },
  { "win.save",       { "<Control>s", NULL } },
  { "win.save-as",    { "<Control><Shift>s", NULL } },
  { "win.export",     { "<Control>e", NULL } },
  { "win.close",      { "<Control>w", NULL } },
  { "win.undo",       { "<Control>z", NULL } },
  { "win.redo",       { "<Control><Shift>z", NULL } },
  { "win.delete",     { "Delete", NULL } },
  { "win.select-all", { "<Control>a", NULL } },
  { "win.zoom-in",    { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out",   { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-fit",   { "<Control>0", "<Control>KP_0", NULL } },
};

/* Windows. */

static CordWindow *
find_window (CordApplication *self,
             GFile           *file,
             gboolean         untouched)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CordWindow *window;
      GFile *shown;

      if (!CORD_IS_WINDOW (l->data))
        continue;
      window = l->data;
      shown = cord_document_get_file (cord_window_get_document (window));
      if (file != NULL && shown != NULL && g_file_equal (file, shown))
        return window;
      if (untouched && cord_window_is_untouched (window))
        return window;
    }
  return NULL;
}

static CordWindow *
new_window (CordApplication *self)
{
  return cord_window_new (GTK_APPLICATION (self));
}

void
cord_application_open_files (CordApplication  *self,
                             GFile           **files,
                             int               n_files)
{
  g_return_if_fail (CORD_IS_APPLICATION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (int i = 0; i < n_files; i++)
    {
      CordWindow *window = find_window (self, files[i], FALSE);

      if (window == NULL)
        {
          if ((window = find_window (self, NULL, TRUE)) == NULL)
            window = new_window (self);
          cord_window_open (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Recovery. */

static char *
describe_recovery (CordRecoveryInfo *info)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (info->saved);
  g_autofree char *time = when != NULL ? g_date_time_format (when, "%X") : g_strdup ("?");

  if (info->original != NULL)
    {
      g_autofree char *path = g_filename_display_name (info->original);

      /* Translators: • lab name (its path), autosaved at a time. */
      return g_strdup_printf (_("• %s (%s), saved at %s"), info->title, path, time);
    }
  /* Translators: • lab name, autosaved at a time. */
  return g_strdup_printf (_("• %s, saved at %s"), info->title, time);
}

static void
on_recovery_response (GtkDialog       *dialog,
                      int              response,
                      CordApplication *self)
{
  GPtrArray *list = g_object_get_data (G_OBJECT (dialog), "recovery");

  for (guint i = 0; i < list->len; i++)
    {
      CordRecoveryInfo *info = g_ptr_array_index (list, i);

      if (response == GTK_RESPONSE_ACCEPT)
        {
          g_autoptr(GFile) original = info->original ? g_file_new_for_path (info->original) : NULL;
          CordWindow *window = original ? find_window (self, original, FALSE) : NULL;

          /* A window that shows the original unchanged takes the copy. */
          if (window != NULL && cord_document_get_modified (cord_window_get_document (window)))
            window = NULL;
          if (window == NULL && (window = find_window (self, NULL, TRUE)) == NULL)
            window = new_window (self);
          cord_window_restore (window, info);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (response == GTK_RESPONSE_REJECT)
        cord_recovery_info_discard (info);
      /* Otherwise the copies wait for the next start. */
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
offer_recovery (CordApplication *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) text = NULL;
  GtkWindow *parent;
  GtkWidget *dialog;
  GtkWidget *button;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;
  list = cord_recovery_list ();
  if (list->len == 0)
    return;

  text = g_string_new (g_dngettext (NULL,
                                    "Patchcord stopped before this lab was saved. Restore opens "
                                    "it with the changes; Discard deletes them.",
                                    "Patchcord stopped before these labs were saved. Restore opens "
                                    "them with the changes; Discard deletes them.", list->len));
  g_string_append (text, "\n");
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *line = describe_recovery (g_ptr_array_index (list, i));

      g_string_append_printf (text, "\n%s", line);
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   g_dngettext (NULL, "Restore Unsaved Changes?",
                                                "Restore Unsaved Changes?", list->len));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text->str);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore Unsaved Labs"));
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "recovery", g_steal_pointer (&list),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent labs. */

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (ta, tb);
}

static void
rebuild_recent (CordApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) labs = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  guint shown = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".pclab") && gtk_recent_info_exists (info))
        g_ptr_array_add (labs, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (labs, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < labs->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (labs, i);
      /* Underscores in a file name are not mnemonics. */
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  if (shown == 0)
    /* An item without an action shows dimmed. */
    g_menu_append (self->recent_menu, _("No Recent Labs"), NULL);
}

/* Actions. */

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  CordApplication *self = data;
  CordWindow *window = find_window (self, NULL, TRUE);

  if (window == NULL)
    window = new_window (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  CordApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      cord_application_open_files (self, (GFile **) list->pdata, list->len);
    }
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CordApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open Lab"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Patchcord Labs"));
  gtk_file_filter_add_pattern (filter, "*.pclab");
  gtk_file_filter_add_mime_type (filter, "application/x-patchcord-lab");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* The chooser outlives a window closed meanwhile. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  cord_application_open_files (data, &file, 1);
}

static void quit_next (CordApplication *self);

static void
on_quit_window_closed (CordWindow *window,
                       gboolean    closed,
                       gpointer    data)
{
  CordApplication *self = data;

  if (!closed)
    {
      /* Cancel stops quitting; the windows not yet asked stay open. */
      g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
      return;
    }
  quit_next (self);
}

static void
quit_next (CordApplication *self)
{
  while (self->quit_queue != NULL && self->quit_queue->len > 0)
    {
      g_autoptr(CordWindow) window = g_ptr_array_steal_index (self->quit_queue, 0);

      if (gtk_widget_in_destruction (GTK_WIDGET (window)))
        continue;
      cord_window_confirm_close (window, on_quit_window_closed, self);
      return;
    }
  g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
  g_application_quit (G_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CordApplication *self = data;

  if (self->quit_queue != NULL)
    return;
  self->quit_queue = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CORD_IS_WINDOW (l->data))
      g_ptr_array_add (self->quit_queue, g_object_ref (l->data));
  quit_next (self);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));
  const char *developers[] = { _("The Patchcord developers"), NULL };

  gtk_show_about_dialog (window,
                         "program-name", "Patchcord",
                         "logo-icon-name", CORD_APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Build network labs and run them: a topology editor and "
                                       "simulator for people who learn and teach networking"),
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         "copyright", _("© The Patchcord developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_entries[] = {
  { .name = "new", .activate = new_action },
  { .name = "open", .activate = open_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "quit", .activate = quit_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "about", .activate = about_action },
};

/* GApplication. */

static void
cord_application_startup (GApplication *application)
{
  CordApplication *self = CORD_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = NULL;
  const char *none[] = { NULL };

  G_APPLICATION_CLASS (cord_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), shortcuts[i].action,
                                           shortcuts[i].accels);
  /* app.shortcuts owns Ctrl+? and shows the window's help overlay. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", none);
  gtk_window_set_default_icon_name (CORD_APPLICATION_ID);

  /* Unlike AdwApplication, GtkApplication does not load style.css itself. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/patchcord/Patchcord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->recent_handler = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                   G_CALLBACK (rebuild_recent), self);
  rebuild_recent (self);
}

static void
cord_application_shutdown (GApplication *application)
{
  CordApplication *self = CORD_APPLICATION (application);

  g_clear_signal_handler (&self->recent_handler, gtk_recent_manager_get_default ());

  G_APPLICATION_CLASS (cord_application_parent_class)->shutdown (application);
}

static void
cord_application_activate (GApplication *application)
{
  CordApplication *self = CORD_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  gtk_window_present (window);
  offer_recovery (self);
}

static void
cord_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  CordApplication *self = CORD_APPLICATION (application);

  cord_application_open_files (self, files, n_files);
  offer_recovery (self);
}

static void
cord_application_dispose (GObject *object)
{
  CordApplication *self = CORD_APPLICATION (object);

  g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (cord_application_parent_class)->dispose (object);
}

static void
cord_application_class_init (CordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cord_application_dispose;
  app_class->startup = cord_application_startup;
  app_class->shutdown = cord_application_shutdown;
  app_class->activate = cord_application_activate;
  app_class->open = cord_application_open;

  /* Referring to the resources links them in; they register themselves. */
  (void) cord_gui_get_resource ();
}

static void
cord_application_init (CordApplication *self)
{
  self->recent_menu = g_menu_new ();
}

CordApplication *
cord_application_new (void)
{
  return g_object_new (CORD_TYPE_APPLICATION,
                       "application-id", CORD_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/patchcord/Patchcord",
                       NULL);
}

GMenuModel *
cord_application_get_recent_menu (CordApplication *self)
{
  g_return_val_if_fail (CORD_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}
