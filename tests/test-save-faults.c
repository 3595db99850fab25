/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests that saving a lab never loses the previous file: full disks, read-only folders, failed and killed steps. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lab.h"
#include "test-util.h"

/* The unprivileged ids ("nobody", "nogroup") a root test drops to. */
#define NOBODY_ID 65534

/* What a forked child's exit status says. */
enum {
  CHILD_SAVED = 0,
  CHILD_SAVE_FAILED = 1,
  CHILD_SETUP_FAILED = 2,
};

/* ---- Labs and files ------------------------------------------------------ */

/* A lab with @n_pcs PCs on a 2960 (no switch when @n_pcs is 0 or 1) and a
 * note saying @note, so every lab built here has different bytes. */
static GBytes *
build_lab (guint       n_pcs,
           const char *note)
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  CordDevice *sw = NULL;

  if (n_pcs > 1)
    {
      sw = cord_topology_add_device (topology, "2960-24TT", "S1", 0, 0, &error);
      ck_assert_msg (sw != NULL, "%s", error ? error->message : "");
    }
  for (guint i = 0; i < n_pcs; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC%u", i);
      CordDevice *pc = cord_topology_add_device (topology, "PC-PT", name,
                                                 40.0 * i, 200, &error);

      ck_assert_msg (pc != NULL, "%s", error ? error->message : "");
      if (sw != NULL && i < 24)
        {
          g_autofree char *port = g_strdup_printf ("FastEthernet0/%u", i + 1);

          ck_assert_msg (cord_topology_connect (topology, cord_device_find_port (sw, port),
                                                cord_device_find_port (pc, "FastEthernet0"),
                                                CORD_CABLE_AUTO, &error) != NULL,
                         "%s", error ? error->message : "");
        }
    }
  ck_assert (cord_topology_add_note (topology, 10, 10, note, &error) != NULL);
  return cord_lab_to_bytes (topology);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  ck_assert_msg (g_file_get_contents (path, &contents, &len, &error),
                 "%s", error ? error->message : "");
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_lab_write_atomic (path, bytes, &error), "%s",
                 error ? error->message : "");
}

/* The file at @path holds exactly @expected and loads as a lab. */
static void
assert_file_is (const char *path,
                GBytes     *expected,
                const char *what)
{
  g_autoptr(GBytes) actual = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) topology = NULL;

  ck_assert_msg (g_bytes_equal (actual, expected),
                 "%s: %s is not the expected version (%zu bytes, expected %zu)",
                 what, path, g_bytes_get_size (actual), g_bytes_get_size (expected));
  topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);
  ck_assert_msg (topology != NULL, "%s: %s does not load: %s", what, path,
                 error ? error->message : "");
}

/* How many entries @dir holds besides the file named @keep. */
static guint
count_others (const char *dir,
              const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, keep) != 0)
      n++;
  return n;
}

/* Removes @dir and the files in it (the tests make no deeper trees). */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_chmod (dir, 0700);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cord-save-faults-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "%s", error ? error->message : "");
  return dir;
}

/* ---- Forked children ------------------------------------------------------ */

/* Runs in the child: returns the exit status; may write a message to
 * @report_fd. */
typedef int (*ChildFunc) (gpointer data,
                          int      report_fd);

static void
write_all (int         fd,
           const void *buf,
           gsize       len)
{
  const char *p = buf;

  while (len > 0)
    {
      ssize_t n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      p += n;
      len -= (gsize) n;
    }
}

/* Runs @func in a forked child and waits for it. Returns the wait status;
 * @report gets everything the child wrote to its report pipe. The child
 * never calls into Check and leaves with _exit(), so neither Check nor
 * LeakSanitizer sees it. */
static int
run_child (ChildFunc   func,
           gpointer    data,
           GString    *report)
{
  int fds[2];
  int status = 0;
  pid_t pid;
  char buf[512];
  ssize_t n;

  ck_assert_int_eq (pipe (fds), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      close (fds[0]);
      _exit (func (data, fds[1]));
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      ck_assert_int_gt (n, 0);
      g_string_append_len (report, buf, n);
    }
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0)
    ck_assert_int_eq (errno, EINTR);
  return status;
}

static void
assert_exited (int         status,
               int         code,
               const char *report)
{
  ck_assert_msg (WIFEXITED (status), "the child died of signal %d",
                 WIFSIGNALED (status) ? WTERMSIG (status) : -1);
  ck_assert_msg (WEXITSTATUS (status) == code, "the child exited with %d, not %d: %s",
                 WEXITSTATUS (status), code, report);
}

static void
assert_killed (int status)
{
  ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the child was not killed (exit status %d)",
                 WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

typedef struct {
  const char *path;
  GBytes     *bytes;
  rlim_t      fsize_limit;    /* 0: none */
  gboolean    drop_root;
} SaveJob;

/* The child of most tests: sets its limits up, saves, reports the error. */
static int
child_save (gpointer data,
            int      report_fd)
{
  SaveJob *job = data;
  g_autoptr(GError) error = NULL;

  if (job->fsize_limit != 0)
    {
      struct rlimit limit = { job->fsize_limit, job->fsize_limit };

      /* Without this the first write past the limit kills the process;
       * ignored, write() fails with EFBIG as on a full quota. */
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        return CHILD_SETUP_FAILED;
    }
  if (job->drop_root && geteuid () == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0
          || geteuid () == 0)
        {
          static const char msg[] = "cannot drop root";

          write_all (report_fd, msg, sizeof msg - 1);
          return CHILD_SETUP_FAILED;
        }
      if (access (job->path, R_OK) != 0)
        {
          static const char msg[] = "the lab is not readable as an unprivileged user";

          write_all (report_fd, msg, sizeof msg - 1);
          return CHILD_SETUP_FAILED;
        }
    }
  if (cord_lab_write_atomic (job->path, job->bytes, &error))
    return CHILD_SAVED;
  write_all (report_fd, error->message, strlen (error->message));
  return CHILD_SAVE_FAILED;
}

/* ---- Tests --------------------------------------------------------------- */

/* The disk fills up (the file-size limit stands in for it) while a large
 * lab is written over a small one. */
START_TEST (test_disk_full)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autoptr(GBytes) old = build_lab (1, "small");
  g_autoptr(GBytes) big = build_lab (40, "large");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *expected = NULL;
  SaveJob job = { path, big, 4096, FALSE };
  int status;

  ck_assert_uint_lt (g_bytes_get_size (old), 4096);
  ck_assert_uint_gt (g_bytes_get_size (big), 2 * 4096);
  write_file (path, old);

  status = run_child (child_save, &job, report);
  assert_exited (status, CHILD_SAVE_FAILED, report->str);
  expected = g_strdup_printf ("Cannot save %s: %s. The previous file was left as it was.",
                              path, g_strerror (EFBIG));
  ck_assert_str_eq (report->str, expected);
  assert_file_is (path, old, "after a full disk");
  ck_assert_uint_eq (count_others (dir, "lab.pclab"), 0);
  remove_dir (dir);
}
END_TEST

/* The folder of the lab is read-only: nothing can be created there. */
START_TEST (test_read_only_dir)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autoptr(GBytes) old = build_lab (1, "old");
  g_autoptr(GBytes) new = build_lab (3, "new");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *expected = NULL;
  SaveJob job = { path, new, 0, TRUE };
  int status;

  write_file (path, old);
  /* r-x for everyone: an unprivileged child can read the lab but not
   * create anything beside it. */
  ck_assert_int_eq (g_chmod (dir, 0555), 0);

  status = run_child (child_save, &job, report);
  assert_exited (status, CHILD_SAVE_FAILED, report->str);
  expected = g_strdup_printf ("Cannot save %s: %s. The previous file was left as it was.",
                              path, g_strerror (EACCES));
  ck_assert_str_eq (report->str, expected);
  assert_file_is (path, old, "in a read-only folder");
  ck_assert_uint_eq (count_others (dir, "lab.pclab"), 0);
  remove_dir (dir);
}
END_TEST

typedef struct {
  CordSaveStep step;
  guint        nth;           /* fail or die at the nth call of @step */
  guint        seen;
  int          err;           /* 0: kill the process */
  guint        calls;         /* every call, any step */
} StepFault;

static int
fault_hook (CordSaveStep step,
            gpointer     data)
{
  StepFault *fault = data;

  fault->calls++;
  if (step != fault->step || ++fault->seen != fault->nth)
    return 0;
  if (fault->err == 0)
    raise (SIGKILL);
  return fault->err;
}

static void
clear_hook (void)
{
  _cord_lab_set_save_hook (NULL, NULL);
}

static const char *
step_name (CordSaveStep step)
{
  switch (step)
    {
    case CORD_SAVE_STEP_CREATE: return "create";
    case CORD_SAVE_STEP_WRITE: return "write";
    case CORD_SAVE_STEP_FSYNC: return "fsync";
    case CORD_SAVE_STEP_CLOSE: return "close";
    case CORD_SAVE_STEP_RENAME: return "rename";
    case CORD_SAVE_STEP_SYNC_DIR: return "sync-dir";
    default: return "?";
    }
}

/* A step fails (the hook makes the system call fail): the save reports
 * it, the old file stays and the temporary file goes. */
START_TEST (test_step_fails)
{
  static const struct { CordSaveStep step; int err; } rows[] = {
    { CORD_SAVE_STEP_CREATE, EMFILE },
    { CORD_SAVE_STEP_WRITE, ENOSPC },
    { CORD_SAVE_STEP_FSYNC, EIO },
    { CORD_SAVE_STEP_CLOSE, EIO },
    { CORD_SAVE_STEP_RENAME, EXDEV },
  };
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autoptr(GBytes) old = build_lab (1, "old");
  g_autoptr(GBytes) new = build_lab (3, "new");

  write_file (path, old);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      StepFault fault = { rows[i].step, 1, 0, rows[i].err, 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf (
          "Cannot save %s: %s. The previous file was left as it was.",
          path, g_strerror (rows[i].err));
      gboolean ok;

      _cord_lab_set_save_hook (fault_hook, &fault);
      ok = cord_lab_write_atomic (path, new, &error);
      clear_hook ();
      ck_assert_msg (!ok, "the save succeeded although %s failed", step_name (rows[i].step));
      ck_assert_uint_eq (fault.seen, 1);
      ck_assert (g_error_matches (error, G_IO_ERROR, g_io_error_from_errno (rows[i].err)));
      ck_assert_str_eq (error->message, expected);
      assert_file_is (path, old, step_name (rows[i].step));
      ck_assert_msg (count_others (dir, "lab.pclab") == 0,
                     "a temporary file stayed after %s failed", step_name (rows[i].step));
    }

  /* The folder cannot be synced: the lab was already replaced, so the
   * save succeeds, as it does when a real fsync of the folder fails. */
  {
    StepFault fault = { CORD_SAVE_STEP_SYNC_DIR, 1, 0, EIO, 0 };
    g_autoptr(GError) error = NULL;
    gboolean ok;

    _cord_lab_set_save_hook (fault_hook, &fault);
    ok = cord_lab_write_atomic (path, new, &error);
    clear_hook ();
    ck_assert_msg (ok, "%s", error ? error->message : "");
    ck_assert_uint_eq (fault.seen, 1);
    /* One call per step: create, write, fsync, close, rename, sync-dir. */
    ck_assert_uint_eq (fault.calls, 6);
    assert_file_is (path, new, "sync-dir");
    ck_assert_uint_eq (count_others (dir, "lab.pclab"), 0);
  }
  remove_dir (dir);
}
END_TEST

/* Returns EINTR for the first three writes, as a signal arriving during
 * write() does. */
static int
eintr_hook (CordSaveStep step,
            gpointer     data)
{
  guint *writes = data;

  if (step != CORD_SAVE_STEP_WRITE)
    return 0;
  return ++*writes <= 3 ? EINTR : 0;
}

/* An interrupted write() is retried, not reported. */
START_TEST (test_write_interrupted)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autoptr(GBytes) old = build_lab (1, "old");
  g_autoptr(GBytes) new = build_lab (3, "new");
  g_autoptr(GError) error = NULL;
  guint writes = 0;
  gboolean ok;

  write_file (path, old);
  _cord_lab_set_save_hook (eintr_hook, &writes);
  ok = cord_lab_write_atomic (path, new, &error);
  clear_hook ();
  ck_assert_msg (ok, "%s", error ? error->message : "");
  ck_assert_uint_eq (writes, 4);
  assert_file_is (path, new, "after EINTR");
  ck_assert_uint_eq (count_others (dir, "lab.pclab"), 0);
  remove_dir (dir);
}
END_TEST

typedef struct {
  SaveJob   job;
  StepFault fault;
} KillJob;

static int
child_save_killed (gpointer data,
                   int      report_fd)
{
  KillJob *kill_job = data;

  _cord_lab_set_save_hook (fault_hook, &kill_job->fault);
  return child_save (&kill_job->job, report_fd);
}

/* kill -9 just before each step: the lab is the old one or the new one,
 * whole, and loads. */
START_TEST (test_killed_at_each_step)
{
  g_autoptr(GBytes) old = build_lab (1, "old");
  g_autoptr(GBytes) new = build_lab (12, "new");

  for (int step = CORD_SAVE_STEP_CREATE; step <= CORD_SAVE_STEP_SYNC_DIR; step++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
      g_autoptr(GString) report = g_string_new (NULL);
      KillJob job = { { path, new, 0, FALSE }, { step, 1, 0, 0, 0 } };
      gboolean renamed = step > CORD_SAVE_STEP_RENAME;

      write_file (path, old);
      assert_killed (run_child (child_save_killed, &job, report));
      assert_file_is (path, renamed ? new : old, step_name (step));
      /* A killed save cannot clean up: at most its temporary file stays,
       * and the next save is not disturbed by it. */
      ck_assert_uint_le (count_others (dir, "lab.pclab"), 1);
      write_file (path, old);
      assert_file_is (path, old, "saving after a killed save");
      remove_dir (dir);
    }
}
END_TEST

/* kill -9 halfway through writing the new file: the first write() was
 * short (the file-size limit cut it) and the process dies before the next. */
START_TEST (test_killed_mid_write)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autoptr(GBytes) old = build_lab (1, "old");
  g_autoptr(GBytes) new = build_lab (40, "new");
  g_autoptr(GString) report = g_string_new (NULL);
  KillJob job = { { path, new, 4096, FALSE }, { CORD_SAVE_STEP_WRITE, 2, 0, 0, 0 } };
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint partial = 0;

  ck_assert_uint_gt (g_bytes_get_size (new), 4096);
  write_file (path, old);
  assert_killed (run_child (child_save_killed, &job, report));
  assert_file_is (path, old, "killed mid-write");

  /* The half-written temporary file is there, and only it. */
  d = g_dir_open (dir, 0, NULL);
  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *tmp = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (strcmp (name, "lab.pclab") == 0)
        continue;
      ck_assert_msg (g_str_has_prefix (name, ".lab.pclab."), "unexpected file %s", name);
      ck_assert_int_eq (g_stat (tmp, &st), 0);
      ck_assert_int_eq (st.st_size, 4096);
      partial++;
    }
  ck_assert_uint_eq (partial, 1);
  remove_dir (dir);
}
END_TEST

/* The autosave child: writes versions 1..n_versions of the recovery file
 * one after the other, and dies at the kill_at-th step overall. */
typedef struct {
  const char *path;
  GBytes    **versions;
  guint       n_versions;
  guint       kill_at;
  guint       calls;
  guint       current;        /* the version being written */
  int         report_fd;
} Autosave;

static int
autosave_hook (CordSaveStep step,
               gpointer     data)
{
  Autosave *as = data;

  /* Called just after the rename: tell the parent this version is in
   * place before possibly dying. */
  if (step == CORD_SAVE_STEP_SYNC_DIR)
    {
      guint8 v = (guint8) as->current;

      write_all (as->report_fd, &v, 1);
    }
  if (++as->calls == as->kill_at)
    raise (SIGKILL);
  return 0;
}

static int
child_autosave (gpointer data,
                int      report_fd)
{
  Autosave *as = data;

  as->report_fd = report_fd;
  _cord_lab_set_save_hook (autosave_hook, as);
  for (as->current = 1; as->current < as->n_versions; as->current++)
    {
      g_autoptr(GError) error = NULL;

      if (!cord_lab_write_atomic (as->path, as->versions[as->current], &error))
        {
          write_all (report_fd, error->message, strlen (error->message));
          return CHILD_SAVE_FAILED;
        }
    }
  return CHILD_SAVED;
}

/* An autosave-style recovery file rewritten again and again survives
 * kill -9 at any step of any write: some complete version always loads,
 * and it is the last one whose rename finished. When the very first
 * autosave dies, there is no recovery file at all rather than a partial
 * one. */
START_TEST (test_autosave_recovery)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, ".lab.pclab.recover", NULL);
  GBytes *versions[3];

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autofree char *note = g_strdup_printf ("autosave %u", v);

      versions[v] = build_lab (v + 1, note);
    }

  /* With version 0 already on disk, then with no recovery file yet. */
  for (guint first = 0; first < 2; first++)
    {
      guint kill_at, runs = 0;

      for (kill_at = 1; kill_at < 100; kill_at++)
        {
          g_autoptr(GString) report = g_string_new (NULL);
          Autosave as = { path, versions, G_N_ELEMENTS (versions), kill_at, 0, 0, -1 };
          gboolean have_v0 = first == 0;
          guint in_place = 0;
          int status;

          if (have_v0)
            write_file (path, versions[0]);
          else
            g_unlink (path);
          status = run_child (child_autosave, &as, report);
          for (gsize i = 0; i < report->len; i++)
            in_place = (guint8) report->str[i];
          if (WIFEXITED (status))
            {
              /* No step left to die at: every version went through. */
              ck_assert_int_eq (WEXITSTATUS (status), CHILD_SAVED);
              ck_assert_uint_eq (in_place, G_N_ELEMENTS (versions) - 1);
              assert_file_is (path, versions[in_place], "autosave, not killed");
              break;
            }
          assert_killed (status);
          runs++;
          ck_assert_uint_lt (in_place, G_N_ELEMENTS (versions));
          if (in_place == 0 && !have_v0)
            ck_assert_msg (!g_file_test (path, G_FILE_TEST_EXISTS),
                           "a killed first autosave left %s behind", path);
          else
            assert_file_is (path, versions[in_place], "autosave after kill -9");
        }
      /* Six steps per version, two versions written by the child. */
      ck_assert_uint_eq (runs, 6 * (G_N_ELEMENTS (versions) - 1));
    }

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    g_bytes_unref (versions[v]);
  remove_dir (dir);
}
END_TEST

static Suite *
save_faults_suite (void)
{
  Suite *suite = suite_create ("save-faults");
  TCase *env = tcase_create ("environment");
  TCase *steps = tcase_create ("steps");

  tcase_add_test (env, test_disk_full);
  tcase_add_test (env, test_read_only_dir);
  tcase_add_test (steps, test_step_fails);
  tcase_add_test (steps, test_write_interrupted);
  tcase_add_test (steps, test_killed_at_each_step);
  tcase_add_test (steps, test_killed_mid_write);
  tcase_add_test (steps, test_autosave_recovery);
  suite_add_tcase (suite, env);
  suite_add_tcase (suite, steps);
  return suite;
}

int
main (void)
{
  /* Loaded once here, so every forked child inherits it. */
  cord_catalog_get_default ();
  return cord_test_run (save_faults_suite ());
}
